// The request-rate controller behind the HTTP client's throttle: pure state, fed one answer at a time,
// no timers, so tests drive it with a made-up clock. It finds a registry's limit by itself: slow start
// until the first sign of congestion, then increase and multiplicative decrease (a 429, or latency
// rising well above the quietest seen), as congestion control and adaptive retry modes do. After a cut
// the rate climbs back on a cubic curve (as CUBIC and the AWS SDKs' adaptive mode do): quickly back
// towards where it was refused, flat around it, then probing beyond faster and faster. A 429 met again
// at the rate refused before cuts by about a fifth and climbs back to it; one met on the way back cuts
// to what the registry answered.
import { LatencyBaselines } from './latency-baselines.ts';

/** Bounds the caller sets; the controller never goes above them. */
export interface AdaptiveRateBounds {
  /** Requests per second never exceeded (a quota the user must stay under); Infinity = none. */
  maxRequestsPerSecond: number;
  /** Requests in flight never exceeded. */
  maxConcurrency: number;
}

/** One answered (or failed) attempt, as the throttle saw it. */
export interface AnswerSample {
  /** Clock times, epoch ms: when the attempt left the throttle, and when its answer was read. */
  sentAt: number;
  answeredAt: number;
  /** 'throttled' = 429 (or a registry's own "too many requests"); 'answered' = any other HTTP answer; 'unanswered' = transport error. */
  kind: 'answered' | 'throttled' | 'unanswered';
  /** Requests of one kind (e.g. the method) share a latency baseline: a list page is slower than a delete. */
  key: string;
  /** The attempt waited for its rate slot: demand was above the current rate, so raising it helps. */
  paced: boolean;
}

/** What the throttle does about an answer. */
export type Reaction = 'none' | 'slowed' | 'pause-all';

/** What the controller found, for logs and summaries. */
export interface RateFindings {
  /** The rate the controller allows now, requests per second. */
  currentRate: number;
  /**
   * The registry's limit as found, requests per second: the median of what it answered over the second
   * before each of its latest 429s (slow start's estimate when it refused only then); undefined when it
   * never refused a request.
   */
  limitFound?: number;
  /** Highest answered rate over any one-second window, requests per second. */
  peakRate: number;
  /** Slow-downs: after a 429, after rising latency. */
  slowDowns: { throttled: number; latency: number };
}

/** Start: 20 requests/s (the old fixed default); floor 1/s. */
const INITIAL_RATE = 20;
const MIN_RATE = 1;
/** Slow start multiplies the rate by this much per round trip. */
const SLOW_START_GROWTH = 0.5;
/**
 * A 429 means the registry's bucket is empty: what it answered over the last moments is its limit.
 * The rate restarts just under that; when nothing was answered, at half the rate refused.
 */
const THROTTLE_DECREASE = 0.9;
/** No 429 cuts the rate below half of what was refused (an answered rate measured in a stall, or none). */
const MOST_CUT = 0.5;
/**
 * A 429 at or above the rate refused last time (back there, or probing beyond it) is the limit being
 * met again where it was, or a burst after a stall on either side: it takes the limit at no less than
 * this share of the rate refused, and the climb returns to that rate (CUBIC's W_max) instead of to
 * whatever was answered in the moments before, which a stall drags down.
 */
const PROBE_CUT = 0.9;
/** How many of the latest 429s the reported limit is the median of. */
const LIMIT_ESTIMATES = 9;
/** Rising latency cuts less deeply: the registry slowed down but still answers. */
const LATENCY_DECREASE = 0.85;
/**
 * Window over which the answered rate is measured when a 429 comes: a few round trips (and at least a
 * few answers at the current rate), so that it covers the moments the registry refused rather than
 * the climb before them.
 */
const DELIVERY_ROUND_TRIPS = 4;
const DELIVERY_ANSWERS = 20;
const DELIVERY_WINDOW_MS = { min: 200, max: 1000 };
/** Window of the peak answered rate reported. */
const PEAK_WINDOW_MS = 1000;
/** After a cut the rate is back where it was refused after this long, then probes beyond. */
const RECOVERY_MS = 1500;
/**
 * The climb never takes the rate above this many times what was answered over the last window (nor
 * above the limit found, whichever is higher): it probes no faster than the answers show the registry
 * keeps up, and after a quiet spell it does not resume at a rate nobody has tried.
 */
const DEMAND_HEADROOM = 2;
/** Requests in flight allowed per request the rate and latency predict: headroom for jitter. */
const CONCURRENCY_HEADROOM = 3;
const INITIAL_CONCURRENCY = 4;

/** The climb after a cut: from `from` at `at`, back to `to` after RECOVERY_MS, then beyond. */
interface Recovery {
  at: number;
  from: number;
  to: number;
  /** The limit the cut took (none after a slow-down for latency). */
  limit: number;
}

export class AdaptiveRate {
  readonly #bounds: AdaptiveRateBounds;
  #rate: number;
  /** Set by the first cut: from then on the rate follows the cubic climb instead of slow start. */
  #recovery: Recovery | undefined;
  /** What the registry answered over the second before each 429 after slow start's (newest last). */
  #limitEstimates: number[] = [];
  /** The estimate as slow start ended: the answered rate still counts the climb, so it reads low. */
  #slowStartLimit: number | undefined;
  /** Answers to requests sent before this time (a round trip after the last cut) say nothing about the current rate. */
  #lastSlowDownAt = Number.NEGATIVE_INFINITY;
  #answeredSinceSlowDown = 0;
  /** Latency was found rising and has not been steady since: one cut per such spell. */
  #latencyHigh = false;
  readonly #latency = new LatencyBaselines();
  /** Answer times within the peak window, oldest first. */
  #answerTimes: number[] = [];
  #peakRate = 0;
  readonly #slowDowns = { throttled: 0, latency: 0 };

  constructor(bounds: AdaptiveRateBounds, initialRate = INITIAL_RATE) {
    this.#bounds = bounds;
    this.#rate = this.#bounded(initialRate);
  }

  /** Requests per second allowed now. */
  get rate(): number {
    return this.#rate;
  }

  /** Requests in flight allowed now: what the rate and the typical latency predict, with headroom. */
  get concurrency(): number {
    const latencyMs = this.#latency.typicalMs();
    const predicted =
      latencyMs === undefined
        ? INITIAL_CONCURRENCY
        : Math.ceil(((this.#rate * latencyMs) / 1000) * CONCURRENCY_HEADROOM) + 1;
    return Math.max(1, Math.min(this.#bounds.maxConcurrency, predicted));
  }

  findings(): RateFindings {
    const findings: RateFindings = {
      currentRate: this.#rate,
      peakRate: this.#peakRate,
      slowDowns: { ...this.#slowDowns },
    };
    const limitFound = this.#limitFound();
    if (limitFound !== undefined) findings.limitFound = limitFound;
    return findings;
  }

  /** Feeds one answer; says whether the throttle must slow down or hold every caller back. */
  onAnswer(sample: AnswerSample): Reaction {
    if (sample.kind === 'unanswered') return 'none';
    const current = sample.sentAt >= this.#lastSlowDownAt;
    if (sample.kind === 'throttled') return current ? this.#onThrottled(sample.answeredAt) : 'none';
    this.#countAnswer(sample.answeredAt);
    const trend = this.#latency.add(sample.key, sample.answeredAt - sample.sentAt, sample.answeredAt);
    if (trend === 'steady') this.#latencyHigh = false;
    if (trend === 'rising' && current && !this.#latencyHigh) {
      // A registry that queues is slowed down once, without taking the rate as its limit; latency
      // that stays high after that is not ours to fix (a busy machine), so it cuts no further.
      this.#latencyHigh = true;
      this.#slowDowns.latency++;
      this.#cut(this.#rate * LATENCY_DECREASE, this.#rate, sample.answeredAt, this.#recovery?.limit ?? 0);
      return 'slowed';
    }
    if (sample.paced) this.#speedUp(sample.answeredAt);
    return 'none';
  }

  #onThrottled(at: number): Reaction {
    // Refused again after a slow-down that nothing got through: the registry wants everyone to wait.
    const refusing = this.#answeredSinceSlowDown === 0 && this.#slowDowns.throttled > 0;
    const delivered = Math.min(this.#answeredRate(at, this.#deliveryWindowMs()), this.#rate);
    const refused = this.#rate;
    const recovery = this.#recovery;
    let limit: number;
    let backTo: number;
    if (recovery === undefined) {
      // Leaving slow start the rate refused is far above the limit and what was answered is all there
      // is to go by; it still counts the climb, so the recovery aims no lower than half the rate
      // refused (as TCP halves its window) and an estimate that is too low is soon corrected.
      limit = delivered > 0 ? delivered : refused * MOST_CUT;
      backTo = Math.max(limit, refused / 2);
      this.#slowStartLimit = limit;
    } else if (refused >= recovery.to) {
      // Back where it was refused, or beyond: the limit is about here.
      limit = Math.max(delivered, refused * PROBE_CUT);
      backTo = Math.max(limit, refused * PROBE_CUT);
    } else {
      // Refused again on the way back: the registry allows less than it did. What was answered says
      // how much, cutting by half at most (the answers counted may have met a stall).
      limit = Math.max(delivered, refused * MOST_CUT);
      backTo = limit;
    }
    // What the registry answered over the last second, as it refused: its limit as reported.
    if (recovery !== undefined) this.#noteLimit(this.#answeredRate(at, PEAK_WINDOW_MS));
    this.#slowDowns.throttled++;
    this.#cut(limit * THROTTLE_DECREASE, backTo, at, limit);
    return refusing ? 'pause-all' : 'slowed';
  }

  #noteLimit(limit: number): void {
    this.#limitEstimates.push(limit);
    if (this.#limitEstimates.length > LIMIT_ESTIMATES) this.#limitEstimates.shift();
  }

  /** The median of the latest estimates (slow start's only when there is no other). */
  #limitFound(): number | undefined {
    const estimates = [...this.#limitEstimates].sort((a, b) => a - b);
    if (estimates.length === 0) return this.#slowStartLimit;
    const middle = estimates.length / 2;
    const upper = estimates[Math.floor(middle)] ?? 0;
    return estimates.length % 2 === 1 ? upper : ((estimates[middle - 1] ?? upper) + upper) / 2;
  }

  /** Cuts the rate to `rate` now, to climb back to `backTo` (and beyond) from there. */
  #cut(rate: number, backTo: number, at: number, limit: number): void {
    this.#rate = this.#bounded(rate);
    this.#recovery = { at, from: this.#rate, to: Math.max(backTo, this.#rate), limit };
    // Requests sent within a round trip of the cut still meet the queue or the empty bucket that
    // caused it: they say nothing new about the lower rate.
    this.#lastSlowDownAt = at + (this.#latency.typicalMs() ?? 0);
    this.#answeredSinceSlowDown = 0;
  }

  #speedUp(at: number): void {
    const recovery = this.#recovery;
    if (recovery === undefined) {
      // Slow start: each answer adds its share of SLOW_START_GROWTH × rate per round trip.
      const latencyMs = this.#latency.typicalMs() ?? 100;
      this.#rate = this.#bounded(this.#rate + (SLOW_START_GROWTH * 1000) / Math.max(latencyMs, 1));
      return;
    }
    const progress = (at - recovery.at) / RECOVERY_MS - 1;
    const climbed = recovery.to + (recovery.to - recovery.from) * progress ** 3;
    const answered = this.#answeredRate(at, this.#deliveryWindowMs());
    const ceiling = Math.max(recovery.limit, DEMAND_HEADROOM * answered);
    this.#rate = this.#bounded(Math.max(this.#rate, Math.min(climbed, ceiling)));
  }

  #deliveryWindowMs(): number {
    const roundTrips = DELIVERY_ROUND_TRIPS * (this.#latency.typicalMs() ?? 100);
    const answers = (DELIVERY_ANSWERS * 1000) / this.#rate;
    return Math.min(DELIVERY_WINDOW_MS.max, Math.max(DELIVERY_WINDOW_MS.min, roundTrips, answers));
  }

  #bounded(rate: number): number {
    return Math.max(MIN_RATE, Math.min(rate, this.#bounds.maxRequestsPerSecond));
  }

  #countAnswer(at: number): void {
    this.#answeredSinceSlowDown++;
    this.#answerTimes.push(at);
    const from = at - PEAK_WINDOW_MS;
    const drop = this.#answerTimes.findIndex((time) => time > from);
    if (drop > 0) this.#answerTimes.splice(0, drop);
    this.#peakRate = Math.max(this.#peakRate, (this.#answerTimes.length * 1000) / PEAK_WINDOW_MS);
  }

  /** Answers per second over the last `windowMs`. */
  #answeredRate(at: number, windowMs: number): number {
    const from = at - windowMs;
    let count = 0;
    for (let i = this.#answerTimes.length - 1; i >= 0 && (this.#answerTimes[i] ?? 0) > from; i--) count++;
    return (count * 1000) / windowMs;
  }
}
