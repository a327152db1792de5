import { request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { FaultEngine } from './faults.ts';
import { type Emulator, type EmulatorSeed, type FaultConfig, startEmulator } from './index.ts';
import { type CallOptions, type CallResult, call, caller, iamToken } from './test-client.ts';

let emulator: Emulator | undefined;
let clock = new Date('2025-03-01T10:00:00Z');

const seed: EmulatorSeed = {
  swr: {
    namespaces: [
      { name: 'team', repositories: [{ name: 'app', tags: [{ tag: 'a' }, { tag: 'b' }, { tag: 'c' }] }] },
    ],
  },
  ccr: {
    instances: [
      { id: 'ccr-emu00001', projects: [{ name: 'p', repositories: [{ name: 'r', tags: [{ tag: 'x' }] }] }] },
    ],
  },
};

async function start(faults: FaultConfig = {}) {
  clock = new Date('2025-03-01T10:00:00Z');
  emulator = await startEmulator({ seed, faults, now: () => clock });
  return { swr: caller(emulator.url, { auth: 'huawei', signedAt: clock }), emu: emulator };
}

afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

const statuses = async (swr: (o: CallOptions) => Promise<CallResult>, n: number) => {
  const result: number[] = [];
  for (let i = 0; i < n; i++) result.push((await swr({ path: '/v2/manage/namespaces' })).status);
  return result;
};

describe('faults', () => {
  it('rate-limits with a token bucket: 429 with Retry-After, then a refill lets requests through', async () => {
    const { swr } = await start({ rateLimit: { capacity: 2, refillPerSecond: 0.5 } });
    expect(await statuses(swr, 2)).toEqual([200, 200]);
    const limited = await swr({ path: '/v2/manage/namespaces' });
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBe('2');
    expect(limited.json).toMatchObject({ error_code: 'APIGW.0308' });
    clock = new Date(clock.getTime() + 2000);
    expect((await swr({ path: '/v2/manage/namespaces' })).status).toBe(200);
  });

  it('rate-limits SWR the way SWR does when asked: 403 SVCSTG.SWR.4031042, as the spec lists it', async () => {
    const { swr } = await start({ rateLimit: { capacity: 1, refillPerSecond: 1, answer: 'swr-403' } });
    expect(await statuses(swr, 1)).toEqual([200]);
    const limited = await swr({ path: '/v2/manage/namespaces' });
    expect(limited.status).toBe(403);
    expect(limited.headers['retry-after']).toBeUndefined();
    // Spec 3.3's error body, with the code and text of the error code table.
    expect(limited.json).toMatchObject({
      error_code: 'SVCSTG.SWR.4031042',
      error_msg: 'There are too many requests.',
    });
  });

  it('fails the next N requests with the chosen status, then recovers', async () => {
    const { swr, emu } = await start({ error: { next: 2 }, errorStatus: 503 });
    expect(await statuses(swr, 3)).toEqual([503, 503, 200]);
    expect(emu.requests.map((r) => r.faults)).toEqual([['error'], ['error'], []]);
  });

  it('answers a CCR request failed by a fault with the Baidu error body', async () => {
    const { emu } = await start({ error: true });
    const result = await call(emu.url, { path: '/v1/instances', auth: 'baidu', signedAt: clock });
    expect(result.status).toBe(500);
    expect(result.json).toMatchObject({
      code: 'InternalError',
      requestId: result.headers['x-bce-request-id'],
    });
  });

  it('fails a seeded share of requests in the same sequence every run', async () => {
    const first = await start({ error: { rate: 0.5 }, seed: 7 });
    const a = await statuses(first.swr, 12);
    await emulator?.close();
    const second = await start({ error: { rate: 0.5 }, seed: 7 });
    const b = await statuses(second.swr, 12);
    expect(a).toEqual(b);
    expect(a).toContain(500);
    expect(a).toContain(200);
  });

  it('adds latency and records it', async () => {
    const { swr, emu } = await start({ latencyMs: 20 });
    expect((await swr({ path: '/v2/manage/namespaces' })).status).toBe(200);
    expect(emu.requests[0]?.faults).toEqual(['latency']);
  });

  it('adds a seeded jitter on top of the latency, the same sequence every run', () => {
    const delays = (seed: number) => {
      const engine = new FaultEngine(() => clock, { seed, latencyMs: 40, latencyJitterMs: 30 });
      return Array.from({ length: 20 }, () => engine.decide('GET', '/v1/instances').latencyMs);
    };
    const first = delays(3);
    expect(first).toEqual(delays(3));
    for (const ms of first) expect(ms === Math.floor(ms) && ms >= 40 && ms < 70).toBe(true);
    // Spread enough that two requests sent together can reach the state in either order.
    expect(new Set(first).size).toBeGreaterThan(10);
    expect(delays(4)).not.toEqual(first);
  });

  it('hangs a request without sending headers until the emulator closes', async () => {
    const { emu } = await start({ hang: { next: 1 } });
    const pending = request(`${emu.url}/v2/manage/namespaces`, { headersTimeout: 200 });
    await expect(pending).rejects.toThrow(/timeout/i);
    expect(emu.requests[0]).toMatchObject({ status: 0, faults: ['hang'] });
    expect(
      (await call(emu.url, { path: '/v2/manage/namespaces', auth: 'huawei', signedAt: clock })).status,
    ).toBe(200);
  });

  it('drops the connection without an answer', async () => {
    const { swr } = await start({ drop: { next: 1 } });
    await expect(swr({ path: '/v2/manage/namespaces' })).rejects.toThrow();
    expect((await swr({ path: '/v2/manage/namespaces' })).status).toBe(200);
  });

  it('cuts a JSON body so it no longer parses', async () => {
    const { swr } = await start({ malformedJson: { next: 1 } });
    const result = await swr({ path: '/v2/manage/namespaces' });
    expect(result.status).toBe(200);
    expect(() => JSON.parse(result.text)).toThrow();
  });

  it('overstates the total in Content-Range and in CCR totals', async () => {
    const { swr, emu } = await start({ lieContentRange: true, lieContentRangeExtra: 5 });
    const tags = await swr({
      path: '/v2/manage/namespaces/team/repos/app/tags',
      query: { offset: '0', limit: '10' },
    });
    expect(tags.headers['content-range']).toBe('0-3/8');
    const ccrTags = await call(emu.url, {
      path: '/v1/instances/ccr-emu00001/projects/p/repositories/r/tags',
      auth: 'baidu',
      signedAt: clock,
    });
    expect(ccrTags.json).toMatchObject({ total: 6 });
  });

  it('answers 401 to every request after the first N', async () => {
    const { swr } = await start({ unauthorized: { after: 2 } });
    expect(await statuses(swr, 4)).toEqual([200, 200, 401, 401]);
  });

  it('revokes the IAM tokens issued so far after N requests; a new token works', async () => {
    const { emu } = await start({ routes: [{ path: '/v2/**', revokeTokensAfter: 2 }] });
    const token = await iamToken(emu.url);
    const withToken = caller(emu.url, { auth: 'token', token });
    expect(await statuses(withToken, 3)).toEqual([200, 200, 401]);
    const fresh = await iamToken(emu.url);
    expect((await call(emu.url, { path: '/v2/manage/namespaces', auth: 'token', token: fresh })).status).toBe(
      200,
    );
  });

  it('applies a route fault only to the matching method and path', async () => {
    const { swr } = await start({
      routes: [{ method: 'DELETE', path: '/v2/manage/namespaces/*/repos/*/tags/*', error: true }],
    });
    expect((await swr({ path: '/v2/manage/namespaces/team/repos/app/tags' })).status).toBe(200);
    expect(
      (await swr({ method: 'DELETE', path: '/v2/manage/namespaces/team/repos/app/tags/a' })).status,
    ).toBe(500);
    expect(emulator?.state.swrNamespaces.get('team')?.repositories.get('app')?.tags.has('a')).toBe(true);
  });

  it('replaces faults at run time through setFaults', async () => {
    const { swr, emu } = await start({ error: true });
    expect((await swr({ path: '/v2/manage/namespaces' })).status).toBe(500);
    emu.setFaults({});
    expect((await swr({ path: '/v2/manage/namespaces' })).status).toBe(200);
  });
});

describe('admin endpoint', () => {
  it('sets, shows and clears faults for other processes', async () => {
    const { swr, emu } = await start();
    const put = await call(emu.url, {
      method: 'PUT',
      path: '/__admin/faults',
      body: { error: { next: 1 }, errorStatus: 502 },
    });
    expect(put.status).toBe(200);
    expect((await call(emu.url, { path: '/__admin/faults' })).json).toEqual({
      error: { next: 1 },
      errorStatus: 502,
    });
    expect(await statuses(swr, 2)).toEqual([502, 200]);
    expect((await call(emu.url, { method: 'DELETE', path: '/__admin/faults' })).status).toBe(204);
    expect(
      (await call(emu.url, { method: 'PUT', path: '/__admin/faults', body: { error: 'sometimes' } })).status,
    ).toBe(400);
  });

  it('reseeds state, shows it in seed format and lists requests', async () => {
    const { swr, emu } = await start();
    const reseed = await call(emu.url, {
      method: 'PUT',
      path: '/__admin/seed',
      body: { tagDeleteMode: 'digest', swr: { namespaces: [{ name: 'fresh' }] } },
    });
    expect(reseed.status).toBe(200);
    expect(emu.state.tagDeleteMode).toBe('digest');
    expect((await swr({ path: '/v2/manage/namespaces' })).json).toMatchObject({
      namespaces: [{ name: 'fresh' }],
    });
    const state = (await call(emu.url, { path: '/__admin/state' })).json as EmulatorSeed;
    expect(state.swr?.namespaces?.map((n) => n.name)).toEqual(['fresh']);
    const requests = (await call(emu.url, { path: '/__admin/requests' })).json;
    expect(requests).toEqual([
      expect.objectContaining({
        method: 'GET',
        path: '/v2/manage/namespaces',
        status: 200,
        authKind: 'huawei-signature',
      }),
    ]);
    expect(
      (await call(emu.url, { method: 'PUT', path: '/__admin/seed', body: { swr: { namespaces: [{}] } } }))
        .status,
    ).toBe(400);
  });

  it('switches the tag delete mode', async () => {
    const { emu } = await start();
    expect(
      (await call(emu.url, { method: 'PUT', path: '/__admin/tag-delete-mode', body: { mode: 'digest' } }))
        .status,
    ).toBe(200);
    expect(emu.state.tagDeleteMode).toBe('digest');
  });
});
