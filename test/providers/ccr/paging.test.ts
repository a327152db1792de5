import { describe, expect, it } from 'vitest';
import { ListingIncompleteError } from '../../../src/core/errors/errors.ts';
import { listAllCcr } from '../../../src/providers/ccr/paging.ts';
import { ccrListApi, fakeApi, queryValue } from '../../support/fake-api.ts';

const request = { method: 'GET', path: '/v1/ccr/projects', operation: 'list projects' } as const;

function server(total: number, reportedTotal = total) {
  const records = Array.from({ length: total }, (_, i) => ({ id: i }));
  return ccrListApi(records, 'projects', reportedTotal);
}

describe('listAllCcr', () => {
  it('pages with pageNo from 1 and never asks for more than 100 a page', async () => {
    const api = server(230);
    const all = await listAllCcr(api, request, { itemsKey: 'projects', pageSize: 500 });
    expect(all).toHaveLength(230);
    expect(api.requests.map((r) => [queryValue(r, 'pageNo'), queryValue(r, 'pageSize')])).toEqual([
      ['1', '100'],
      ['2', '100'],
      ['3', '100'],
    ]);
  });

  it('refuses a listing shorter than the reported total', async () => {
    await expect(listAllCcr(server(20, 25), request, { itemsKey: 'projects' })).rejects.toThrow(
      ListingIncompleteError,
    );
  });

  it('reads the count from totalKey, as the personal APIs name it', async () => {
    const records = Array.from({ length: 20 }, (_, i) => ({ id: i }));
    const personal = (totalCount: number) =>
      fakeApi(() => ({ headers: {}, body: { result: records, pageNo: 1, pageSize: 100, totalCount } }));
    const options = { itemsKey: 'result', totalKey: 'totalCount' };
    expect(await listAllCcr(personal(20), request, options)).toHaveLength(20);
    await expect(listAllCcr(personal(25), request, options)).rejects.toThrow(
      'collected 20 records but the API reported 25',
    );
  });
});
