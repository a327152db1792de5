import { describe, expect, it } from 'vitest';
import { ListingIncompleteError } from '../../../src/core/errors/errors.ts';
import { listAllSwr, pagesOfSwr, parseContentRange } from '../../../src/providers/swr/paging.ts';
import { fakeApi, queryValue, swrListApi } from '../../support/fake-api.ts';

const request = { method: 'GET', path: '/v2/manage/repos', operation: 'list repositories' } as const;

/** A server holding `total` records that reports `reportedTotal` in Content-Range. */
function server(total: number, reportedTotal = total) {
  const records = Array.from({ length: total }, (_, i) => ({ id: i }));
  return swrListApi(records, reportedTotal);
}

describe('parseContentRange', () => {
  it('reads offset, count and total', () => {
    expect(parseContentRange('0-100/250')).toEqual({ offset: 0, count: 100, total: 250 });
    expect(parseContentRange(' 200 - 50 / 250 ')).toEqual({ offset: 200, count: 50, total: 250 });
    expect(parseContentRange('bytes 0-1')).toBeUndefined();
    expect(parseContentRange(undefined)).toBeUndefined();
  });
});

describe('listAllSwr', () => {
  it('pages with offset and limit until the total is collected', async () => {
    const api = server(250);
    const all = await listAllSwr<{ id: number }>(api, request, { pageSize: 100 });
    expect(all.map((r) => r.id)).toEqual(Array.from({ length: 250 }, (_, i) => i));
    expect(api.requests.map((r) => queryValue(r, 'offset'))).toEqual(['0', '100', '200']);
  });

  it('makes one request when everything fits one page exactly', async () => {
    const api = server(100);
    expect(await listAllSwr(api, request, { pageSize: 100 })).toHaveLength(100);
    expect(api.requests).toHaveLength(1);
  });

  it('adapts the page size to a server cap below limit, keeping offset a multiple of limit', async () => {
    const api = swrListApi(
      Array.from({ length: 95 }, (_, i) => ({ id: i })),
      95,
      30,
    );
    const all = await listAllSwr<{ id: number }>(api, request, { pageSize: 100 });
    expect(all.map((r) => r.id)).toEqual(Array.from({ length: 95 }, (_, i) => i));
    expect(api.requests.map((r) => `${queryValue(r, 'offset')}/${queryValue(r, 'limit')}`)).toEqual([
      '0/100',
      '30/30',
      '60/30',
      '90/30',
    ]);
  });

  it('keeps offset a multiple of limit when the cap shows only after full pages', async () => {
    let served = 0;
    const records = Array.from({ length: 50 }, (_, i) => ({ id: i }));
    // Full pages of 20 first, then a cap of 8 (e.g. a gateway changing its mind mid-listing).
    const api = fakeApi((r) => {
      const offset = Number(queryValue(r, 'offset'));
      const limit = Number(queryValue(r, 'limit'));
      if (offset % limit !== 0) throw new Error(`400: offset ${offset} is not a multiple of limit ${limit}`);
      const page = records.slice(offset, offset + Math.min(limit, served < 2 ? limit : 8));
      served += 1;
      return { headers: { 'content-range': `${offset}-${page.length}/50` }, body: page };
    });
    const all = await listAllSwr<{ id: number }>(api, request, { pageSize: 20 });
    expect(all.map((r) => r.id)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    for (const r of api.requests)
      expect(Number(queryValue(r, 'offset')) % Number(queryValue(r, 'limit'))).toBe(0);
  });

  it('without Content-Range, reads on after a full page and stops at a short one', async () => {
    const records = Array.from({ length: 25 }, (_, i) => ({ id: i }));
    const api = fakeApi((r) => {
      const offset = Number(queryValue(r, 'offset'));
      return { headers: {}, body: records.slice(offset, offset + Number(queryValue(r, 'limit'))) };
    });
    expect(await listAllSwr(api, request, { pageSize: 10 })).toHaveLength(25);
    expect(api.requests).toHaveLength(3);
  });

  it('refuses a listing shorter than Content-Range reports', async () => {
    await expect(listAllSwr(server(150, 180), request, { pageSize: 100 })).rejects.toThrow(
      ListingIncompleteError,
    );
  });

  it('ends a listing as incomplete when a page repeats a record (a server ignoring offset)', async () => {
    const api = fakeApi(() => ({
      headers: {},
      body: Array.from({ length: 10 }, (_, i) => ({ name: `r${i}` })),
    }));
    await expect(listAllSwr(api, request, { pageSize: 10 })).rejects.toThrow(/page 2 repeats/);
  });

  it('refuses a listing whose total changes between pages', async () => {
    let calls = 0;
    const api = fakeApi(() => {
      calls += 1;
      const body = Array.from({ length: calls === 1 ? 10 : 5 }, (_, i) => ({ i: i + (calls - 1) * 10 }));
      return { headers: { 'content-range': `0-${body.length}/${calls === 1 ? 15 : 16}` }, body };
    });
    await expect(listAllSwr(api, request, { pageSize: 10 })).rejects.toThrow(/total changed from 15 to 16/);
  });
});

describe('pagesOfSwr', () => {
  it('tells the total once, from the first page, and yields pages of the caller making', async () => {
    const totals: number[] = [];
    const lengths: number[] = [];
    const pages = pagesOfSwr<string[]>(server(250), request, {
      pageSize: 100,
      pageOf: (response) => (response.body as { id: number }[]).map(({ id }) => `#${id}`),
      keysOf: (page) => page,
      onTotal: (total) => totals.push(total),
    });
    for await (const page of pages) lengths.push(page.length);
    expect(totals).toEqual([250]);
    expect(lengths).toEqual([100, 100, 50]);
  });
});
