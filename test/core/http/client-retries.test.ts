import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src/core/errors/errors.ts';
import { isSwrThrottling } from '../../../src/providers/swr/connect.ts';
import { closedAfterEach } from '../../support/closed-after-each.ts';
import { FAKE_START } from './support/fake-clock.ts';
import { type Reply, startLocalServer } from './support/local-server.ts';
import { rejection, testClient } from './support/test-client.ts';

const serve = closedAfterEach(startLocalServer);

const ok: Reply = { status: 200, body: { ok: true } };
const get = { method: 'GET', path: '/v2/manage/namespaces', operation: 'list namespaces' } as const;

describe('retries', () => {
  it('waits the seconds a 429 Retry-After asks, then succeeds', async () => {
    const { url, requests } = await serve([{ status: 429, headers: { 'Retry-After': '2' }, body: {} }, ok]);
    const { api, clock } = testClient(url);
    const response = await api.request(get);
    expect(response.body).toEqual({ ok: true });
    expect(requests).toHaveLength(2);
    expect(clock.sleeps).toEqual([2000]);
  });

  it('takes SWR’s 403 SVCSTG.SWR.4031042 as throttling: backs off, retries, and slows down', async () => {
    // The error body of SWR spec 3.3 with the code and text its error code table gives.
    const tooMany: Reply = {
      status: 403,
      body: { error_code: 'SVCSTG.SWR.4031042', error_msg: 'There are too many requests.' },
    };
    const { url, requests } = await serve([tooMany, ok]);
    const { api, clock, events } = testClient(url, { isThrottling: isSwrThrottling });
    expect((await api.request({ ...get, method: 'DELETE' })).status).toBe(200);
    expect(requests).toHaveLength(2);
    expect(clock.sleeps).toEqual([250]); // the first backoff (full jitter of 500 ms at 0.5)
    expect(events[0]).toMatchObject({ status: 403, throttled: true, retryInMs: 250 });
  });

  it('when SWR keeps answering “too many requests”, fails with a hint about the pace, not the credentials', async () => {
    const tooMany: Reply = {
      status: 403,
      body: { error_code: 'SVCSTG.SWR.4031042', error_msg: 'There are too many requests.' },
    };
    const { url, requests } = await serve(Array.from({ length: 5 }, () => tooMany));
    const { api } = testClient(url, { isThrottling: isSwrThrottling });
    const error = await rejection(api.request({ ...get, method: 'DELETE' }));
    expect(requests).toHaveLength(5);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 403, throttled: true, code: 'SVCSTG.SWR.4031042' });
    expect(String((error as ApiError).hint)).toMatch(/kept refusing requests as too many/);
    expect(String((error as ApiError).hint)).not.toMatch(/credentials/);
  });

  it('does not retry any other 403', async () => {
    const denied: Reply = { status: 403, body: { error_code: 'SVCSTG.SWR.4030002', error_msg: 'Denied.' } };
    const { url, requests } = await serve([denied, ok]);
    const { api } = testClient(url, { isThrottling: isSwrThrottling });
    const error = await rejection(api.request({ ...get, method: 'DELETE' }));
    expect(requests).toHaveLength(1);
    expect(error).toMatchObject({ status: 403, throttled: false });
  });

  it('waits until the HTTP-date a 429 Retry-After names, then succeeds', async () => {
    const at = new Date(FAKE_START + 3000).toUTCString();
    const { url, requests } = await serve([{ status: 429, headers: { 'Retry-After': at }, body: {} }, ok]);
    const { api, clock } = testClient(url);
    expect((await api.request(get)).status).toBe(200);
    expect(requests).toHaveLength(2);
    expect(clock.sleeps).toEqual([3000]);
  });

  it('slows down on a 429 without stopping the client’s other requests', async () => {
    const { url } = await serve([{ status: 429, headers: { 'Retry-After': '4' }, body: {} }, ok]);
    const signedAt: Record<string, number[]> = { first: [], second: [] };
    let second: Promise<unknown> | undefined;
    const { api, clock } = testClient(url, {
      authenticate: (wire) => {
        signedAt[wire.url.pathname === '/second' ? 'second' : 'first']?.push(clock.elapsed());
      },
      onRequest: (event) => {
        if (event.status === 429) second = api.request({ ...get, path: '/second' });
      },
    });
    await api.request(get);
    await second;
    // The refused request waits the 4 s it was asked to; the other one only its rate slot.
    expect(signedAt.first).toEqual([0, 4000]);
    expect(signedAt.second?.[0]).toBeLessThan(1000);
  });

  it('holds back every request of the client when the registry refuses again after the slow-down', async () => {
    const refused: Reply = { status: 429, headers: { 'Retry-After': '4' }, body: {} };
    const { url } = await serve([refused, refused, ok]);
    const signedAt: Record<string, number[]> = { first: [], second: [] };
    let second: Promise<unknown> | undefined;
    let refusals = 0;
    const { api, clock } = testClient(url, {
      authenticate: (wire) => {
        signedAt[wire.url.pathname === '/second' ? 'second' : 'first']?.push(clock.elapsed());
      },
      onRequest: (event) => {
        if (event.status === 429 && ++refusals === 2) second = api.request({ ...get, path: '/second' });
      },
    });
    await api.request(get);
    await second;
    expect(signedAt.first?.slice(0, 2)).toEqual([0, 4000]);
    expect(signedAt.first?.[2]).toBeGreaterThanOrEqual(8000);
    expect(signedAt.second?.[0]).toBeGreaterThanOrEqual(8000);
  });

  it('retries a 503 twice with jittered backoff, then succeeds', async () => {
    const unavailable: Reply = { status: 503, body: { error_code: 'SWR.0500', error_msg: 'busy' } };
    const { url, requests } = await serve([unavailable, unavailable, ok]);
    const { api, clock, events } = testClient(url);
    expect((await api.request(get)).body).toEqual({ ok: true });
    expect(requests).toHaveLength(3);
    // random 0.5 of windows 500 ms and 1000 ms
    expect(clock.sleeps).toEqual([250, 500]);
    expect(events.map((e) => [e.attempt, e.status, e.retryInMs])).toEqual([
      [1, 503, 250],
      [2, 503, 500],
      [3, 200, undefined],
    ]);
  });

  it('retries after the server resets the connection', async () => {
    const { url, requests } = await serve(['reset', ok]);
    const { api, events } = testClient(url);
    expect((await api.request(get)).body).toEqual({ ok: true });
    expect(requests).toHaveLength(2);
    expect(events[0]).toMatchObject({ status: 0, attempt: 1 });
    expect(events[0]?.errorCode).toMatch(/ECONNRESET|UND_ERR_SOCKET/);
  });

  // undici checks header timeouts on a timer of about 1 s resolution, so each attempt takes ~1 s.
  it('gives up on response headers that never come with a clean ApiError after bounded attempts', async () => {
    const { url, requests } = await serve(['hang']);
    const { api } = testClient(url, { timeouts: { headersMs: 100 }, retry: { maxAttempts: 2 } });
    const error = await rejection(api.request(get));
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 0, method: 'GET', path: '/v2/manage/namespaces' });
    expect((error as ApiError).message).toBe(
      `SWR list namespaces (GET /v2/manage/namespaces) → no response "${url.slice(7)} sent no response within ` +
        '100 ms (gave up after 2 attempts)". Check the endpoint, the network and any HTTPS_PROXY / NO_PROXY settings.',
    );
    expect(requests).toHaveLength(2);
  });

  it('reports a refused connection as status 0 naming the host', async () => {
    const stopped = await serve([ok]);
    await stopped.close();
    const { url } = stopped;
    const { api } = testClient(url, { retry: { maxAttempts: 2 } });
    const error = await rejection(api.request(get));
    expect(error).toMatchObject({
      status: 0,
      providerMessage: `connection refused by ${url.slice(7)} (gave up after 2 attempts)`,
    });
  });

  it('does not retry a POST on 503', async () => {
    const { url, requests } = await serve([
      { status: 503, body: { error_code: 'SWR.0500', error_msg: 'busy' } },
      ok,
    ]);
    const { api } = testClient(url);
    const error = await rejection(
      api.request({ method: 'POST', path: '/v2/manage/namespaces', body: {}, operation: 'create namespace' }),
    );
    expect(error).toMatchObject({ status: 503, code: 'SWR.0500' });
    expect(requests).toHaveLength(1);
  });

  it('does not repeat a DELETE marked not idempotent after a 503 (it may have been applied)', async () => {
    const { url, requests } = await serve([{ status: 503, body: {} }, { status: 503, body: {} }, ok]);
    const { api } = testClient(url);
    const remove = { method: 'DELETE', path: '/x', body: { items: ['a'] }, operation: 'x' } as const;
    expect(await rejection(api.request({ ...remove, idempotent: false }))).toMatchObject({ status: 503 });
    expect(requests).toHaveLength(1);
    // A plain DELETE is repeated: 503, then ok.
    expect((await api.request(remove)).status).toBe(200);
    expect(requests).toHaveLength(3);
  });

  it('retries a POST on 503 when the request is retry-safe', async () => {
    const { url, requests } = await serve([{ status: 503, body: {} }, ok]);
    const { api } = testClient(url);
    const response = await api.request({
      method: 'POST',
      path: '/x',
      body: { a: 1 },
      operation: 'x',
      retrySafe: true,
    });
    expect(response.status).toBe(200);
    expect(requests.map((r) => r.body)).toEqual(['{"a":1}', '{"a":1}']);
  });

  it.each([401, 403])('never retries %i', async (status) => {
    const { url, requests } = await serve([
      { status, body: { error_code: 'APIGW.0301', error_msg: 'denied' } },
      ok,
    ]);
    const { api, clock } = testClient(url);
    const error = await rejection(api.request(get));
    expect(error).toMatchObject({ status, code: 'APIGW.0301', providerMessage: 'denied' });
    expect(requests).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
  });

  it('signs every attempt afresh', async () => {
    const { url, requests } = await serve([{ status: 502, body: {} }, ok]);
    const { api, clock } = testClient(url, {
      authenticate: (wire) => {
        wire.headers['X-Sdk-Date'] = clock.now().toISOString();
      },
    });
    await api.request(get);
    expect(requests.map((r) => r.headers['x-sdk-date'])).toEqual([
      new Date(FAKE_START).toISOString(),
      new Date(FAKE_START + 250).toISOString(),
    ]);
  });

  it('stops when the next wait would pass the total time budget', async () => {
    const { url, requests } = await serve([{ status: 503, headers: { 'Retry-After': '20' }, body: {} }, ok]);
    const { api, clock } = testClient(url, { retry: { maxElapsedMs: 10_000 } });
    const error = await rejection(api.request(get));
    expect(error).toMatchObject({ status: 503 });
    expect(requests).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
  });
});
