import { describe, expect, it } from 'vitest';
import { Throttle } from '../../../src/core/http/throttle.ts';
import { closedAfterEach } from '../../support/closed-after-each.ts';
import { fakeClock } from './support/fake-clock.ts';
import { startLocalServer } from './support/local-server.ts';
import { testClient } from './support/test-client.ts';

const serve = closedAfterEach(startLocalServer);

describe('request-rate bound', () => {
  it('spaces concurrent requests at the rate-limit bound, on the injected clock', async () => {
    const server = await serve([{ status: 204 }]);
    const sentAt: number[] = [];
    const { api, clock } = testClient(server.url, {
      throttle: { maxRequestsPerSecond: 5 },
      authenticate: () => {
        sentAt.push(clock.elapsed());
      },
    });
    const deletes = ['a', 'b', 'c', 'd'].map((tag) =>
      api.request({ method: 'DELETE', path: `/v2/tags/${tag}`, operation: `delete tag ${tag}` }),
    );
    await Promise.all(deletes);
    expect(sentAt).toEqual([0, 200, 400, 600]);
    expect(server.requests).toHaveLength(4);
  });

  it('shares one throttle between clients', async () => {
    const server = await serve([{ status: 204 }]);
    const clock = fakeClock();
    const throttle = new Throttle({ maxRequestsPerSecond: 2 }, clock);
    const sentAt: number[] = [];
    const options = {
      throttle,
      now: clock.now,
      sleep: clock.sleep,
      authenticate: () => void sentAt.push(clock.elapsed()),
    };
    const swr = testClient(server.url, options).api;
    const iam = testClient(server.url, { ...options, provider: 'IAM' }).api;
    await Promise.all([
      swr.request({ method: 'GET', path: '/a', operation: 'a' }),
      iam.request({ method: 'GET', path: '/b', operation: 'b' }),
    ]);
    expect(sentAt).toEqual([0, 500]);
  });
});
