import { afterEach, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from './index.ts';
import { call } from './test-client.ts';

let emulator: Emulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

const probes = {
  iam: { path: '/v3/auth/tokens', method: 'POST', auth: 'none' },
  swr: { path: '/v2/manage/namespaces', method: 'GET', auth: 'huawei' },
  ccr: { path: '/v1/instances', method: 'GET', auth: 'baidu' },
  ccrPersonal: { path: '/v1/ccr/projects', method: 'GET', auth: 'baidu' },
  github: { path: '/github-api/repos/example/app/releases', method: 'GET', auth: 'none' },
} as const;

describe('emulator with one base URL per API family', () => {
  it("answers each family's calls on its own URL only, 404 on every other family's URL", async () => {
    emulator = await startEmulator({ separateHosts: true });
    const urls = emulator.urls!;
    for (const [family, probe] of Object.entries(probes)) {
      for (const [host, url] of Object.entries(urls)) {
        const result = await call(url, { ...probe, body: probe.method === 'POST' ? {} : undefined });
        if (host === family) expect(result.status, `${family} on ${host}`).not.toBe(404);
        else expect(result.status, `${family} on ${host}`).toBe(404);
      }
    }
    expect(new Set(Object.values(urls)).size).toBe(5);
  });

  it('keeps one state across the URLs', async () => {
    emulator = await startEmulator({ separateHosts: true });
    const created = await call(emulator.urls!.swr, {
      method: 'POST',
      path: '/v2/manage/namespaces',
      body: { namespace: 'shared-state' },
      auth: 'huawei',
    });
    expect(created.status).toBe(201);
    expect(emulator.state.swrNamespaces.has('shared-state')).toBe(true);
  });
});
