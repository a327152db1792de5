import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src/core/errors/errors.ts';
import { ccrProjectTags, deleteCcrTag, eachCcrTagPage, getCcrTag } from '../../../src/providers/ccr/tags.ts';
import { ccrListApi, fakeApi, queryValue } from '../../support/fake-api.ts';

describe('CCR enterprise tags', () => {
  it('tells the total, then hands over every page of tags as it arrives, with pageNo/pageSize', async () => {
    const items = Array.from({ length: 150 }, (_, i) => ({ tagName: `t${i}`, digest: `sha256:${i}` }));
    const api = ccrListApi(items, 'items');
    const pages: { first?: string; size: number; requestsSoFar: number }[] = [];
    const events: string[] = [];
    await eachCcrTagPage(api, 'ccr-1', 'team', 'web', 'single', {
      page: (page) => {
        events.push(`page of ${page.length}`);
        pages.push({ first: page[0]?.tagName, size: page.length, requestsSoFar: api.requests.length });
      },
      total: (count) => events.push(`total ${count}`),
    });
    expect(events).toEqual(['total 150', 'page of 100', 'page of 50']);
    expect(pages).toEqual([
      { first: 't0', size: 100, requestsSoFar: 1 },
      { first: 't100', size: 50, requestsSoFar: 2 },
    ]);
    expect(api.requests.map((r) => [r.path, queryValue(r, 'pageNo'), queryValue(r, 'pageSize')])).toEqual([
      ['/v1/instances/ccr-1/projects/team/repositories/web/tags', '1', '100'],
      ['/v1/instances/ccr-1/projects/team/repositories/web/tags', '2', '100'],
    ]);
  });

  it('gets and deletes one tag, with 404 meaning absent', async () => {
    const api = fakeApi((req) =>
      req.path.endsWith('/gone')
        ? { status: 404, headers: {}, body: undefined }
        : { headers: {}, body: req.method === 'GET' ? { tagName: 'v1', digest: 'sha256:1' } : undefined },
    );
    expect(await getCcrTag(api, 'ccr-1', 'team', 'web', 'v1')).toEqual({ tagName: 'v1', digest: 'sha256:1' });
    expect(await getCcrTag(api, 'ccr-1', 'team', 'web', 'gone')).toBeUndefined();
    expect(await deleteCcrTag(api, 'ccr-1', 'team', 'web', 'v1')).toBe('deleted');
    expect(await deleteCcrTag(api, 'ccr-1', 'team', 'web', 'gone')).toBe('absent');
    expect(api.requests[2]).toMatchObject({
      method: 'DELETE',
      path: '/v1/instances/ccr-1/projects/team/repositories/web/tags/v1',
    });
  });

  it('tries the double-encoded form only when the first page is not found, never after pages were read', async () => {
    const items = Array.from({ length: 150 }, (_, i) => ({ tagName: `t${i}` }));
    const notFound = () => {
      throw new ApiError({
        provider: 'CCR',
        operation: 'list tags',
        method: 'GET',
        path: '/tags',
        status: 404,
        providerMessage: 'not found',
      });
    };
    const secondPageGone = fakeApi((request) => {
      if (queryValue(request, 'pageNo') === '2') notFound();
      return { headers: {}, body: { total: 150, pageNo: 1, pageSize: 100, items: items.slice(0, 100) } };
    });
    const read: number[] = [];
    await expect(
      ccrProjectTags(secondPageGone, 'ccr-1', 'team').eachPage('web/app', {
        page: (page) => read.push(page.length),
      }),
    ).rejects.toThrow(ApiError);
    expect(read).toEqual([100]);
    expect(secondPageGone.requests.map((r) => r.path)).toEqual([
      '/v1/instances/ccr-1/projects/team/repositories/web%2Fapp/tags',
      '/v1/instances/ccr-1/projects/team/repositories/web%2Fapp/tags',
    ]);

    const doubleOnly = fakeApi((request) => {
      if (request.path.includes('web%2Fapp')) notFound();
      return { headers: {}, body: { total: 2, pageNo: 1, pageSize: 100, items: items.slice(0, 2) } };
    });
    const names: string[] = [];
    const totals: number[] = [];
    await ccrProjectTags(doubleOnly, 'ccr-1', 'team').eachPage('web/app', {
      page: (page) => names.push(...page.map((tag) => tag.tagName)),
      total: (count) => totals.push(count),
    });
    expect(names).toEqual(['t0', 't1']);
    expect(totals).toEqual([2]);
    expect(doubleOnly.requests.map((r) => r.path)).toEqual([
      '/v1/instances/ccr-1/projects/team/repositories/web%2Fapp/tags',
      '/v1/instances/ccr-1/projects/team/repositories/web%252Fapp/tags',
    ]);
  });
});
