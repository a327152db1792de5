import { describe, expect, it } from 'vitest';
import { buildState } from './seed-build.ts';
import { parseSeed } from './seed-parse.ts';
import { snapshotState } from './state-snapshot.ts';

const now = new Date('2025-03-01T10:00:00Z');

describe('seeds', () => {
  it('gives the default credentials and the default CCR instance for an empty seed', () => {
    const state = buildState({}, now);
    expect(state.credentials.huawei).toMatchObject({
      accessKeyId: 'HWEMUAK00000000000001',
      userName: 'emu-user',
      domainName: 'emu-domain',
    });
    expect(state.credentials.baidu).toMatchObject({
      accessKeyId: 'bce-emu-ak-00000001',
      dockerUserName: 'emu-docker-user',
    });
    expect([...state.ccrInstances.values()]).toEqual([
      expect.objectContaining({
        id: 'ccr-emu00001',
        publicURL: 'ccr-emu00001-pub.cnc.bd.baidubce.com',
        privateURL: 'ccr-emu00001-vpc.cnc.bd.baidubce.com',
      }),
    ]);
  });

  it('overrides single credentials and spaces untimed tags an hour apart, newest last', () => {
    const state = buildState(
      {
        credentials: { huawei: { password: 'other' } },
        swr: {
          namespaces: [
            { name: 'team', repositories: [{ name: 'app', tags: [{ tag: 'old' }, { tag: 'new' }] }] },
          ],
        },
      },
      now,
    );
    expect(state.credentials.huawei).toMatchObject({ password: 'other', userName: 'emu-user' });
    const tags = state.swrNamespaces.get('team')?.repositories.get('app')?.tags;
    expect(tags?.get('old')?.created).toBe('2025-03-01T08:00:00.000Z');
    expect(tags?.get('new')?.created).toBe('2025-03-01T09:00:00.000Z');
    expect(tags?.get('old')?.digest).not.toBe(tags?.get('new')?.digest);
  });

  it('round-trips through a snapshot', () => {
    const seed = parseSeed({
      tagDeleteMode: 'digest',
      swr: {
        namespaces: [
          {
            name: 'team',
            owner: 'x',
            repositories: [{ name: 'app', tags: [{ tag: 'v1', digest: 'sha256:ab' }] }],
          },
        ],
      },
      ccr: { instances: [{ id: 'ccr-1', publicLinks: { whitelist: [{ ipAddr: '1.2.3.4' }] } }] },
    });
    const snapshot = snapshotState(buildState(seed, now));
    const again = snapshotState(buildState(parseSeed(JSON.parse(JSON.stringify(snapshot))), now));
    expect(again.swr).toEqual(snapshot.swr);
    expect(again.ccr?.instances).toEqual(snapshot.ccr?.instances);
    expect(again.tagDeleteMode).toBe('digest');
  });

  it.each([
    [[], 'must be a JSON object'],
    [{ tagDeleteMode: 'all' }, 'tagDeleteMode'],
    [{ swr: { namespaces: [{}] } }, 'swr.namespaces[0].name'],
    [
      {
        swr: { namespaces: [{ name: 'a', repositories: [{ name: 'r', tags: [{ tag: 't', tagType: 2 }] }] }] },
      },
      'tagType',
    ],
    [
      { ccr: { instances: [{ id: 'i', projects: [{ name: 'p', repositories: 'r' }] }] } },
      'repositories must be an array',
    ],
    [{ faults: { hang: 'yes' } }, 'hang'],
  ])('rejects a malformed seed %j naming the field', (seed, message) => {
    expect(() => parseSeed(seed)).toThrow(message);
  });
});
