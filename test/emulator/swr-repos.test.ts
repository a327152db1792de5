import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from './index.ts';
import { type CallOptions, type CallResult, caller } from './test-client.ts';

let emulator: Emulator;
let swr: (options: CallOptions) => Promise<CallResult>;

beforeEach(async () => {
  emulator = await startEmulator({
    seed: {
      swr: {
        namespaces: [
          { name: 'team', repositories: [{ name: 'full', tags: [{ tag: 'v1' }] }, { name: 'web/frontend' }] },
          { name: 'team-b', repositories: [{ name: 'api' }] },
          { name: 'other', owner: 'another-domain', repositories: [{ name: 'secret' }] },
        ],
      },
    },
  });
  swr = caller(emulator.url, { auth: 'huawei' });
});

afterEach(async () => {
  await emulator.close();
});

const names = (result: CallResult) =>
  (result.json as Array<{ namespace: string; name: string }>).map((r) => `${r.namespace}/${r.name}`);

describe('SWR repositories', () => {
  it('creates, reads, updates and deletes a repository whose name has a slash ($ in paths)', async () => {
    const created = await swr({
      method: 'POST',
      path: '/v2/manage/namespaces/team/repos',
      body: { repository: 'tools/cli', is_public: false, category: 'linux', description: 'd' },
    });
    expect(created.status).toBe(201);
    const got = await swr({ path: '/v2/manage/namespaces/team/repos/tools$cli' });
    expect(got.json).toMatchObject({ name: 'tools/cli', is_public: false, category: 'linux', num_images: 0 });
    const patched = await swr({
      method: 'PATCH',
      path: '/v2/manage/namespaces/team/repos/tools$cli',
      body: { is_public: true },
    });
    expect(patched.status).toBe(201);
    expect((await swr({ path: '/v2/manage/namespaces/team/repos/tools%24cli' })).json).toMatchObject({
      is_public: true,
      category: 'linux',
    });
    expect((await swr({ method: 'DELETE', path: '/v2/manage/namespaces/team/repos/tools$cli' })).status).toBe(
      204,
    );
    expect((await swr({ path: '/v2/manage/namespaces/team/repos/tools$cli' })).status).toBe(404);
  });

  it('answers 409 for an existing repository and 404 for a namespace of another account', async () => {
    const again = await swr({
      method: 'POST',
      path: '/v2/manage/namespaces/team/repos',
      body: { repository: 'full', is_public: false },
    });
    expect(again.status).toBe(409);
    expect(again.json).toMatchObject([{ errorCode: 'SVCSTG.SWR.4090006' }]);
    const foreign = await swr({
      method: 'POST',
      path: '/v2/manage/namespaces/other/repos',
      body: { repository: 'x', is_public: false },
    });
    expect(foreign.status).toBe(404);
  });

  it.each(['Upper', '-lead', 'trail/', 'a//b', 'a./b', 'a___b', ''])(
    'rejects the repository name %j',
    async (name) => {
      const result = await swr({
        method: 'POST',
        path: '/v2/manage/namespaces/team/repos',
        body: { repository: name, is_public: false },
      });
      expect(result.status).toBe(400);
      expect(result.json).toMatchObject([{ errorCode: 'SVCSTG.SWR.4001029' }]);
    },
  );

  it('requires is_public and a known category', async () => {
    const noFlag = await swr({
      method: 'POST',
      path: '/v2/manage/namespaces/team/repos',
      body: { repository: 'x' },
    });
    expect(noFlag.json).toMatchObject([{ errorCode: 'SVCSTG.SWR.4001009' }]);
    const badCategory = await swr({
      method: 'POST',
      path: '/v2/manage/namespaces/team/repos',
      body: { repository: 'x', is_public: true, category: 'games' },
    });
    expect(badCategory.status).toBe(400);
  });

  it('refuses to delete a repository that holds images (406)', async () => {
    const result = await swr({ method: 'DELETE', path: '/v2/manage/namespaces/team/repos/full' });
    expect(result.status).toBe(406);
    expect(result.json).toMatchObject([{ errorCode: 'SVCSTG.SWR.4060012' }]);
  });

  it('lists repositories globally with a fuzzy namespace match, never showing other accounts', async () => {
    const result = await swr({ path: '/v2/manage/repos', query: { namespace: 'team' } });
    expect(names(result).sort()).toEqual(['team-b/api', 'team/full', 'team/web/frontend']);
    expect(result.headers['content-range']).toBeUndefined();
    const all = await swr({ path: '/v2/manage/repos' });
    expect(names(all)).not.toContain('other/secret');
  });

  it('pages the global list with offset/limit and reports Content-Range offset-count/total', async () => {
    const first = await swr({ path: '/v2/manage/repos', query: { offset: '0', limit: '2' } });
    expect(first.headers['content-range']).toBe('0-2/3');
    const second = await swr({ path: '/v2/manage/repos', query: { offset: '2', limit: '2' } });
    expect(second.headers['content-range']).toBe('2-1/3');
    expect(new Set([...names(first), ...names(second)]).size).toBe(3);
  });

  it('serves fewer records than limit under a server page cap, Content-Range still telling the total', async () => {
    emulator.state.swrPageCap = 2;
    const first = await swr({ path: '/v2/manage/repos', query: { offset: '0', limit: '100' } });
    expect(names(first)).toHaveLength(2);
    expect(first.headers['content-range']).toBe('0-2/3');
    expect((await swr({ path: '/v2/manage/repos', query: { offset: '2', limit: '100' } })).status).toBe(400);
    const second = await swr({ path: '/v2/manage/repos', query: { offset: '2', limit: '2' } });
    expect(second.headers['content-range']).toBe('2-1/3');
  });

  it('rejects an offset that is not a multiple of limit, and offset without limit', async () => {
    expect((await swr({ path: '/v2/manage/repos', query: { offset: '1', limit: '2' } })).status).toBe(400);
    expect((await swr({ path: '/v2/manage/repos', query: { offset: '0' } })).status).toBe(400);
  });

  it('lists the repositories of one namespace', async () => {
    const result = await swr({ path: '/v2/manage/namespaces/team/repos' });
    expect(names(result)).toEqual(['team/full', 'team/web/frontend']);
  });
});
