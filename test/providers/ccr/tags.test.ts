import { describe, expect, it } from 'vitest';
import { deleteCcrTag, getCcrTag, listCcrTags } from '../../../src/providers/ccr/tags.ts';
import { ccrListApi, fakeApi, queryValue } from '../../support/fake-api.ts';

describe('CCR enterprise tags', () => {
  it('lists every page of tags with pageNo/pageSize', async () => {
    const items = Array.from({ length: 150 }, (_, i) => ({ tagName: `t${i}`, digest: `sha256:${i}` }));
    const api = ccrListApi(items, 'items');
    const tags = await listCcrTags(api, 'ccr-1', 'team', 'web');
    expect(tags).toHaveLength(150);
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
});
