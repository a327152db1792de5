import { describe, expect, it } from 'vitest';
import { ListingIncompleteError } from '../../../src/core/errors/errors.ts';
import { deleteSwrTag, listSwrTags, pagesOfSwrTags, type SwrTag } from '../../../src/providers/swr/tags.ts';
import { fakeApi, queryValue, swrListApi } from '../../support/fake-api.ts';

function tagsServer(count: number, reportedTotal = count) {
  const tags: SwrTag[] = Array.from({ length: count }, (_, i) => ({ Tag: `t${i}`, digest: `sha256:${i}` }));
  return swrListApi(tags, reportedTotal);
}

describe('listSwrTags', () => {
  it('reads every page of a repository, sending / in the name as $', async () => {
    const api = tagsServer(250);
    const tags = await listSwrTags(api, 'team', 'apps/web');
    expect(tags.map((t) => t.Tag)).toHaveLength(250);
    expect(api.requests.map((r) => r.path)).toEqual(
      Array(3).fill('/v2/manage/namespaces/team/repos/apps$web/tags'),
    );
    expect(api.requests.map((r) => queryValue(r, 'offset'))).toEqual(['0', '100', '200']);
    expect(api.requests.every((r) => r.method === 'GET')).toBe(true);
  });

  it('refuses a listing that does not add up to the reported total', async () => {
    await expect(listSwrTags(tagsServer(120, 130), 'team', 'web')).rejects.toThrow(ListingIncompleteError);
  });
});

describe('pagesOfSwrTags', () => {
  it('reads each page with the given reader and tells the total from the first page', async () => {
    const totals: number[] = [];
    const pages: string[][] = [];
    const read = (body: Uint8Array) =>
      (JSON.parse(Buffer.from(body).toString()) as SwrTag[]).map((tag) => tag.Tag);
    const listing = pagesOfSwrTags(tagsServer(150), 'team', 'web', {
      read,
      keysOf: (page) => page,
      onTotal: (total) => totals.push(total),
    });
    for await (const page of listing) pages.push(page);
    expect(totals).toEqual([150]);
    expect(pages.map((page) => page.length)).toEqual([100, 50]);
    expect(pages[1]?.[0]).toBe('t100');
  });
});

describe('deleteSwrTag', () => {
  it('deletes by path and treats 404 as already gone', async () => {
    const api = fakeApi((req) => ({
      status: req.path.endsWith('/gone') ? 404 : 204,
      headers: {},
      body: undefined,
    }));
    expect(await deleteSwrTag(api, 'team', 'a/b', 'v1')).toBe('deleted');
    expect(await deleteSwrTag(api, 'team', 'a/b', 'gone')).toBe('absent');
    expect(api.requests[0]).toMatchObject({
      method: 'DELETE',
      path: '/v2/manage/namespaces/team/repos/a$b/tags/v1',
      acceptStatus: [404],
    });
  });
});
