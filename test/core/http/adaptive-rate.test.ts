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

  it('in slow start, takes the quickest answer so far as the round trip, not a first one that also connected', () => {
    const rate = new AdaptiveRate(unbounded);
    // The first answer paid for the connection (300 ms); the next ones show the 40 ms round trip.
    rate.onAnswer({ sentAt: 0, answeredAt: 300, kind: 'answered', key: 'GET', paced: false });
    answers(rate, 4, { from: 300, everyMs: 40 });
    // Each paced answer adds half the rate per 40 ms round trip's worth (12.5/s), not per 300 ms.
    expect(rate.rate).toBe(20 + 4 * 12.5);
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

  it('on its first 429 leaves slow start at 90 % of what the registry answered over the last round trips', () => {
    const rate = new AdaptiveRate(unbounded);
    const at = answers(rate, 100, { everyMs: 5 }); // 200 answers/s
    expect(rate.rate).toBeGreaterThan(1000); // slow start overshoots a limit it cannot see
    expect(
      rate.onAnswer({ sentAt: at - 40, answeredAt: at, kind: 'throttled', key: 'DELETE', paced: true }),
    ).toBe('slowed');
    expect(rate.rate).toBeCloseTo(0.9 * 200);
    expect(rate.findings()).toMatchObject({ limitFound: 200, slowDowns: { throttled: 1, latency: 0 } });
  });

  it('takes no 429 for a request sent within a round trip of a cut as a new signal', () => {
    const rate = new AdaptiveRate(unbounded);
    const at = answers(rate, 100, { everyMs: 5 });
    rate.onAnswer({ sentAt: at - 40, answeredAt: at, kind: 'throttled', key: 'DELETE', paced: true });
    const cut = rate.rate;
    // Sent after the cut, but before its effect could reach the registry: the same congestion.
    expect(
      rate.onAnswer({ sentAt: at + 10, answeredAt: at + 50, kind: 'throttled', key: 'DELETE', paced: true }),
    ).toBe('none');
    expect(rate.rate).toBe(cut);
    rate.onAnswer({ sentAt: at + 20, answeredAt: at + 60, kind: 'answered', key: 'DELETE', paced: true });
    // Sent a round trip (the 40 ms answers) after the cut: the lower rate is still too high.
    expect(
      rate.onAnswer({ sentAt: at + 45, answeredAt: at + 85, kind: 'throttled', key: 'DELETE', paced: true }),
    ).toBe('slowed');
    expect(rate.rate).toBeLessThan(cut);
    expect(rate.findings().slowDowns.throttled).toBe(2);
  });

  it('leaving slow start, climbs no faster than twice what the registry answers', () => {
    const rate = new AdaptiveRate(unbounded);
    let at = answers(rate, 200, { everyMs: 5 }); // 200 answers/s
    rate.onAnswer({ sentAt: at - 40, answeredAt: at, kind: 'throttled', key: 'DELETE', paced: true });
    expect(rate.rate).toBeCloseTo(180);
    at = answers(rate, 400, { from: at, everyMs: 5 }); // 2 s more at 200/s
    expect(rate.rate).toBeGreaterThan(200);
    expect(rate.rate).toBeLessThanOrEqual(400);
  });

  it('after a later 429, climbs back to the rate found within 1.5 s, then probes beyond it', () => {
    const rate = new AdaptiveRate(unbounded);
    let at = answers(rate, 200, { everyMs: 5 });
    rate.onAnswer({ sentAt: at - 40, answeredAt: at, kind: 'throttled', key: 'DELETE', paced: true });
    at = answers(rate, 400, { from: at, everyMs: 5 });
    rate.onAnswer({ sentAt: at - 40, answeredAt: at, kind: 'throttled', key: 'DELETE', paced: true });
    // What was answered: 200/s (the rate was higher, and no 429 cuts by more than half).
    expect(rate.findings().limitFound).toBe(200);
    expect(rate.rate).toBeCloseTo(180);
    at = answers(rate, 150, { from: at, everyMs: 5 }); // 0.75 s: most of the way back
    expect(rate.rate).toBeGreaterThan(195);
    expect(rate.rate).toBeLessThan(200);
    at = answers(rate, 150, { from: at, everyMs: 5 }); // 1.5 s: back
    expect(rate.rate).toBeCloseTo(200, 0);
    answers(rate, 300, { from: at, everyMs: 5 }); // 3 s: as far above as it started below
    expect(rate.rate).toBeCloseTo(220, 0);
  });

  it('after slow start, never cuts by more than half on one 429 (answers counted in a stall)', () => {
    const rate = new AdaptiveRate(unbounded);
    let at = answers(rate, 200, { everyMs: 5 });
    rate.onAnswer({ sentAt: at - 40, answeredAt: at, kind: 'throttled', key: 'DELETE', paced: true });
    at = answers(rate, 300, { from: at, everyMs: 5 });
    const before = rate.rate;
    // A stall of a second: nothing answered, then a refusal.
    at += 1000;
    rate.onAnswer({ sentAt: at - 40, answeredAt: at, kind: 'throttled', key: 'DELETE', paced: true });
    expect(rate.rate).toBeCloseTo(0.9 * 0.5 * before);
  });

  it('refused again where it was refused before, after a stall, cuts by a fifth and climbs back there', () => {
    const rate = new AdaptiveRate(unbounded);
    let at = answers(rate, 200, { everyMs: 5 });
    rate.onAnswer({ sentAt: at - 40, answeredAt: at, kind: 'throttled', key: 'DELETE', paced: true });
    at = answers(rate, 400, { from: at, everyMs: 5 });
    rate.onAnswer({ sentAt: at - 40, answeredAt: at, kind: 'throttled', key: 'DELETE', paced: true });
    at = answers(rate, 600, { from: at, everyMs: 5 }); // 3 s at 200 answers/s: back, and probing beyond
    const refused = rate.rate;
    expect(refused).toBeGreaterThan(200);
    // Half a second with nothing answered (a stall on either side), then a 429: what was answered in
    // the moments before says nothing about the registry's limit.
    at += 500;
    rate.onAnswer({ sentAt: at - 40, answeredAt: at, kind: 'throttled', key: 'DELETE', paced: true });
    expect(rate.rate).toBeCloseTo(0.9 * 0.9 * refused);
    at = answers(rate, 300, { from: at, everyMs: 5 }); // 1.5 s: back to just under the rate refused
    expect(rate.rate).toBeCloseTo(0.9 * refused, 0);
  });

  it('reports as the limit found the median of what was answered in the second before its latest 429s, not slow start’s', () => {
    const rate = new AdaptiveRate(unbounded);
    // Slow start ends while the answers still climb: 100/s answered, as the limit of 200/s is met.
    let at = answers(rate, 100, { everyMs: 10 });
    rate.onAnswer({ sentAt: at - 40, answeredAt: at, kind: 'throttled', key: 'DELETE', paced: true });
    expect(rate.findings().limitFound).toBe(100);
    // Then three 429s, each after 200, 210 and 160 answers/s.
    for (const perSecond of [200, 210, 160]) {
      at = answers(rate, 400, { from: at, everyMs: 1000 / perSecond });
      rate.onAnswer({ sentAt: at - 40, answeredAt: at, kind: 'throttled', key: 'DELETE', paced: true });
    }
    const found = rate.findings().limitFound ?? 0;
    expect(found).toBeGreaterThanOrEqual(195);
    expect(found).toBeLessThanOrEqual(210);
  });

  it('does not climb above twice what was answered lately: a quiet spell does not end in a burst', () => {
    const rate = new AdaptiveRate(unbounded);
    let at = answers(rate, 200, { everyMs: 5 });
    rate.onAnswer({ sentAt: at - 40, answeredAt: at, kind: 'throttled', key: 'DELETE', paced: true });
    const found = rate.findings().limitFound ?? 0;
    // Ten seconds of a sequential caller (one answer every 100 ms, not paced), then paced answers again.
    at = answers(rate, 100, { from: at, everyMs: 100, paced: false });
    answers(rate, 3, { from: at, everyMs: 5 });
    expect(rate.rate).toBeLessThanOrEqual(found);
  });

  it('asks to hold everyone back when the registry refuses again after a cut with nothing answered', () => {
    const rate = new AdaptiveRate(unbounded);
    const at = answers(rate, 10, {});
    expect(
      rate.onAnswer({ sentAt: at, answeredAt: at + 40, kind: 'throttled', key: 'GET', paced: true }),
    ).toBe('slowed');
    // Sent a round trip after the cut, refused, and nothing answered in between.
    expect(
      rate.onAnswer({ sentAt: at + 100, answeredAt: at + 140, kind: 'throttled', key: 'GET', paced: true }),
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
    // Latency that stays high after the slow-down (a busy machine) cuts no further…
    for (let i = 0; i < 400; i++) answer(200);
    expect(rate.findings().slowDowns.latency).toBe(1);
    // …until it has been back to normal and rises again.
    for (let i = 0; i < 200; i++) answer(40);
    for (let i = 0; i < 200; i++) answer(200);
    expect(rate.findings().slowDowns.latency).toBe(2);
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

  it('allows as many requests in flight as rate × latency predicts, three times over, within the bound', () => {
    const rate = new AdaptiveRate({ maxRequestsPerSecond: 100, maxConcurrency: 64 });
    expect(rate.concurrency).toBe(4);
    answers(rate, 200, {});
    expect(rate.rate).toBe(100);
    expect(rate.concurrency).toBe(Math.ceil(100 * 0.04 * 3) + 1);
  });
});
