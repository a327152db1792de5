import { Agent } from 'undici';
import {
  createApiClient,
  type HttpClientOptions,
  type RequestEvent,
} from '../../../../src/core/http/client.ts';
import type { ApiClient } from '../../../../src/core/http/types.ts';
import { type FakeClock, fakeClock } from './fake-clock.ts';

export interface TestClient {
  api: ApiClient;
  clock: FakeClock;
  events: RequestEvent[];
}

/** A client for a local server with a fake clock, fixed jitter (0.5) and its own connection pool. */
export function testClient(baseUrl: string, options: Partial<HttpClientOptions> = {}): TestClient {
  const clock = fakeClock();
  const events: RequestEvent[] = [];
  const api = createApiClient({
    provider: 'SWR',
    baseUrl,
    dispatcher: new Agent(),
    now: clock.now,
    sleep: clock.sleep,
    random: () => 0.5,
    onRequest: (event) => events.push(event),
    ...options,
  });
  return { api, clock, events };
}

/** The error a promise rejects with (fails the test if it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the request to fail, but it succeeded');
}
