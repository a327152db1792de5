import { afterEach, describe, expect, it } from 'vitest';
import type { EmulatorSeed } from './index.ts';
import { type Emulator, startEmulator, type TagDeleteMode } from './index.ts';
import { type CallResult, caller } from './test-client.ts';

let emulator: Emulator | undefined;

afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

const shared = 'sha256:1111111111111111111111111111111111111111111111111111111111111111';
const child = 'sha256:2222222222222222222222222222222222222222222222222222222222222222';

const seed: EmulatorSeed = {
  swr: {
    namespaces: [
      {
        name: 'team',
        repositories: [
          {
            name: 'app',
            tags: [
              { tag: 'v1', digest: shared, updated: '2025-01-01T00:00:00Z' },
              { tag: 'latest', digest: shared, updated: '2025-01-01T00:00:00Z' },
              { tag: 'v2-amd64', digest: child, updated: '2025-01-02T00:00:00Z' },
              { tag: 'v2', tagType: 1, children: [child], updated: '2025-01-03T00:00:00Z' },
              { tag: 'dev', updated: '2025-01-04T00:00:00Z' },
            ],
          },
        ],
      },
    ],
  },
};

async function start(tagDeleteMode?: TagDeleteMode) {
  emulator = await startEmulator({ seed, ...(tagDeleteMode ? { tagDeleteMode } : {}) });
  return caller(emulator.url, { auth: 'huawei' });
}

const tagNames = (result: CallResult) => (result.json as Array<{ Tag: string }>).map((t) => t.Tag);
const TAGS = '/v2/manage/namespaces/team/repos/app/tags';

describe('SWR tags', () => {
  it('lists every tag newest first with digest, size, times and tag_type', async () => {
    const swr = await start();
    const result = await swr({ path: TAGS });
    expect(tagNames(result)).toEqual(['dev', 'v2', 'v2-amd64', 'v1', 'latest']);
    const v2 = (result.json as Array<Record<string, unknown>>)[1];
    expect(v2).toMatchObject({ Tag: 'v2', tag_type: 1, updated: '2025-01-03T00:00:00Z' });
    expect(JSON.parse(String(v2?.manifest)).manifests).toEqual([expect.objectContaining({ digest: child })]);
    expect(
      (result.json as Array<{ digest: string; Tag: string }>).filter((t) => t.digest === shared).length,
    ).toBe(2);
  });

  it('pages with offset/limit, sorts ascending on request and reports Content-Range', async () => {
    const swr = await start();
    const page = await swr({
      path: TAGS,
      query: { offset: '2', limit: '2', order_column: 'updated_at', order_type: 'asc' },
    });
    expect(tagNames(page)).toEqual(['v2-amd64', 'v2']);
    expect(page.headers['content-range']).toBe('2-2/5');
  });

  it('takes the same parameters through filter=', async () => {
    const swr = await start();
    const page = await swr({
      path: TAGS,
      query: { filter: 'offset::0|limit::1|order_column::updated_at|order_type::desc' },
    });
    expect(tagNames(page)).toEqual(['dev']);
    expect(page.headers['content-range']).toBe('0-1/5');
  });

  it('filters by tag name', async () => {
    const swr = await start();
    expect(tagNames(await swr({ path: TAGS, query: { tag: 'v2' } }))).toEqual(['v2', 'v2-amd64']);
  });

  it('rejects an unknown order column and a bad page', async () => {
    const swr = await start();
    expect((await swr({ path: TAGS, query: { order_column: 'size', order_type: 'asc' } })).status).toBe(400);
    expect((await swr({ path: TAGS, query: { offset: '3', limit: '2' } })).status).toBe(400);
    expect((await swr({ path: TAGS, query: { offset: '0', limit: '0' } })).json).toMatchObject([
      { errorCode: 'SVCSTG.SWR.4000056' },
    ]);
  });

  it("deletes only the named tag in 'tag' mode", async () => {
    const swr = await start('tag');
    expect((await swr({ method: 'DELETE', path: `${TAGS}/v1` })).status).toBe(204);
    expect(tagNames(await swr({ path: TAGS }))).toEqual(['dev', 'v2', 'v2-amd64', 'latest']);
  });

  it('deletes every tag on the same digest by default (spec 4.3.2), leaving manifest-list children alone', async () => {
    const swr = await start();
    expect((await swr({ method: 'DELETE', path: `${TAGS}/v1` })).status).toBe(204);
    expect(tagNames(await swr({ path: TAGS }))).toEqual(['dev', 'v2', 'v2-amd64']);
    expect((await swr({ method: 'DELETE', path: `${TAGS}/v2` })).status).toBe(204);
    expect(tagNames(await swr({ path: TAGS }))).toEqual(['dev', 'v2-amd64']);
  });

  it('answers 404 for a missing tag or repository', async () => {
    const swr = await start();
    expect((await swr({ method: 'DELETE', path: `${TAGS}/nope` })).json).toMatchObject([
      { errorCode: 'SVCSTG.SWR.4041056' },
    ]);
    expect((await swr({ path: '/v2/manage/namespaces/team/repos/nope/tags' })).status).toBe(404);
  });
});
