import { describe, expect, it } from 'vitest';
import {
  createSwrRepository,
  listSwrRepositories,
  swrRepositoryPath,
} from '../../../src/providers/swr/repositories.ts';
import { fakeApi, queryValue, swrListApi } from '../../support/fake-api.ts';

describe('listSwrRepositories', () => {
  it('pages to the end and keeps only the exact namespace', async () => {
    const records = [
      { name: 'app', namespace: 'team', is_public: false },
      { name: 'web', namespace: 'team-b', is_public: true },
      { name: 'tools/cli', namespace: 'team', is_public: true },
    ];
    const api = swrListApi(records);
    const repositories = await listSwrRepositories(api, { namespace: 'team' });
    expect(repositories.map((r) => r.name)).toEqual(['app', 'tools/cli']);
    expect(api.requests.every((r) => r.path === '/v2/manage/repos')).toBe(true);
    expect(queryValue(api.requests[0]!, 'namespace')).toBe('team');
  });
});

describe('createSwrRepository', () => {
  it('reports false when the repository already exists (409)', async () => {
    const api = fakeApi(() => ({ status: 409, headers: {}, body: undefined }));
    expect(await createSwrRepository(api, 'team', 'a/b', { is_public: false })).toBe(false);
    expect(api.requests[0]?.acceptStatus).toContain(409);
  });
});

describe('swrRepositoryPath', () => {
  it('sends slashes in repository names as $', () => {
    expect(swrRepositoryPath('team', 'tools/cli/x')).toBe('/v2/manage/namespaces/team/repos/tools$cli$x');
  });
});
