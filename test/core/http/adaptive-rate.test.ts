import { describe, expect, it } from 'vitest';
import { AdaptiveRate, type AnswerSample } from '../../../src/core/http/adaptive-rate.ts';

const unbounded = { maxRequestsPerSecond: Number.POSITIVE_INFINITY, maxConcurrency: 64 };

/** Feeds `count` answers 40 ms after their start, one every `everyMs`, from `from`; returns the last time. */
function answers(
  rate: AdaptiveRate,
  count: number,
  options: Partial<AnswerSample> & { from?: number; everyMs?: number },
) {
  const { from = 0, everyMs = 10, ...sample } = options;
  let at = from;
  for (let i = 0; i < count; i++) {
    at += everyMs;
    rate.onAnswer({
      sentAt: at - 40,
      answeredAt: at,
      kind: 'answered',
      key: 'DELETE',
      paced: true,
      ...sample,
    });
  }
  return at;
}

describe('AdaptiveRate', () => {
  it('starts at 20 requests/s and grows while demand is above the rate (slow start)', () => {
    const rate = new AdaptiveRate(unbounded);
    expect(rate.rate).toBe(20);
    answers(rate, 20, {});
    // 40 ms answers: each adds half the rate per round trip's worth, 12.5/s.
    expect(rate.rate).toBe(20 + 20 * 12.5);
  });

  it('does not grow on answers that never waited for the rate (a sequential caller proves nothing)', () => {
    const rate = new AdaptiveRate(unbounded);
    answers(rate, 50, { paced: false });
    expect(rate.rate).toBe(20);
  });

  it('never goes above the caller’s upper bounds', () => {
    const rate = new AdaptiveRate({ maxRequestsPerSecond: 30, maxConcurrency: 3 });
    answers(rate, 200, {});
    expect(rate.rate).toBe(30);
    expect(rate.concurrency).toBe(3);
  });

  it('cuts the rate on a 429, once per round of requests, to what the registry answered', () => {
    const rate = new AdaptiveRate(unbounded);
    const at = answers(rate, 100, { everyMs: 5 }); // 200 answers/s over the last second
    const before = rate.rate;
    expect(
      rate.onAnswer({ sentAt: at - 40, answeredAt: at, kind: 'throttled', key: 'DELETE', paced: true }),
    ).toBe('slowed');
    // max(0.7 × rate, 0.9 × min(rate, answered rate)).
    expect(rate.rate).toBeCloseTo(Math.max(0.7 * before, 0.9 * Math.min(before, 100)));
    const cut = rate.rate;
    // Requests sent before the cut say nothing about the new rate.
    expect(
      rate.onAnswer({ sentAt: at - 1, answeredAt: at + 1, kind: 'throttled', key: 'DELETE', paced: true }),
    ).toBe('none');
    expect(rate.rate).toBe(cut);
    expect(rate.findings()).toMatchObject({ limitFound: 100, slowDowns: { throttled: 1, latency: 0 } });
  });

  it('climbs back additively after a cut: 5 % of the rate where it stopped, per second', () => {
    const rate = new AdaptiveRate(unbounded);
    let at = answers(rate, 100, { everyMs: 5 });
    rate.onAnswer({ sentAt: at, answeredAt: at, kind: 'throttled', key: 'DELETE', paced: true });
    const stoppedAt = rate.findings();
    const cut = rate.rate;
    const perAnswer = 1000 / cut;
    at = answers(rate, Math.round(cut), { from: at, everyMs: perAnswer });
    // One second of answers at the cut rate adds about 5 % of the rate where it stopped.
    expect(rate.rate - cut).toBeGreaterThan(0);
    expect(rate.rate - cut).toBeLessThan(0.06 * (cut / 0.7));
    expect(stoppedAt.limitFound).toBe(100);
  });

  it('asks to hold everyone back when the registry refuses again after a cut with nothing answered', () => {
    const rate = new AdaptiveRate(unbounded);
    const at = answers(rate, 10, {});
    expect(
      rate.onAnswer({ sentAt: at, answeredAt: at + 40, kind: 'throttled', key: 'GET', paced: true }),
    ).toBe('slowed');
    expect(
      rate.onAnswer({ sentAt: at + 50, answeredAt: at + 90, kind: 'throttled', key: 'GET', paced: true }),
    ).toBe('pause-all');
  });

  it('slows down when latency stays well above the quietest seen, and not on jitter or a short stall', () => {
    const rate = new AdaptiveRate(unbounded);
    let at = 0;
    const answer = (latency: number) => {
      at += 5;
      return rate.onAnswer({
        sentAt: at - latency,
        answeredAt: at,
        kind: 'answered',
        key: 'DELETE',
        paced: true,
      });
    };
    for (let i = 0; i < 400; i++) answer(30 + (i % 3) * 10); // 30–50 ms of jitter, 2 s
    for (let i = 0; i < 30; i++) answer(400); // a 150 ms stall: every answer slow
    for (let i = 0; i < 200; i++) answer(40);
    expect(rate.findings().slowDowns.latency).toBe(0);
    let before = rate.rate;
    let reaction = 'none';
    for (let i = 0; i < 200 && reaction === 'none'; i++) {
      before = rate.rate;
      reaction = answer(200); // a queue building
    }
    expect(reaction).toBe('slowed');
    expect(rate.rate).toBeCloseTo(before * 0.85);
    expect(rate.findings().slowDowns.latency).toBe(1);
    // A slow-down for latency is not taken as the registry's limit.
    expect(rate.findings().limitFound).toBeUndefined();
  });

  it('keeps a baseline per kind of request: slow list pages do not count as rising latency of deletes', () => {
    const rate = new AdaptiveRate(unbounded);
    let at = 0;
    for (let i = 0; i < 100; i++) {
      at += 5;
      rate.onAnswer({ sentAt: at - 40, answeredAt: at, kind: 'answered', key: 'DELETE', paced: true });
      rate.onAnswer({ sentAt: at - 300, answeredAt: at, kind: 'answered', key: 'GET', paced: true });
    }
    expect(rate.findings().slowDowns.latency).toBe(0);
  });

  it('allows as many requests in flight as rate × latency predicts, twice over, within the bound', () => {
    const rate = new AdaptiveRate({ maxRequestsPerSecond: 100, maxConcurrency: 64 });
    expect(rate.concurrency).toBe(4);
    answers(rate, 200, {});
    expect(rate.rate).toBe(100);
    expect(rate.concurrency).toBe(Math.ceil(100 * 0.04 * 2) + 1);
  });
});
