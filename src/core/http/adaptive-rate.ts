// The request-rate controller behind the HTTP client's throttle: pure state, fed one answer at a time,
// no timers, so tests drive it with a made-up clock. It finds a registry's limit by itself: slow start
// until the first sign of congestion, then additive increase and multiplicative decrease (a 429, or
// latency rising well above the quietest seen), as congestion control and adaptive retry modes do.
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
  /** 'throttled' = 429; 'answered' = any other HTTP answer; 'unanswered' = transport error. */
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
   * The registry's limit as found: the rate it answered over the second before the most recent
   * slow-down (429 or rising latency), requests per second; undefined when it never pushed back.
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
/** After a slow-down the rate climbs by this share of the rate where it stopped, per second. */
const ADDITIVE_SHARE_PER_SECOND = 0.05;
/** A 429 cuts to this share of the rate; never below this share of what the registry just answered. */
const THROTTLE_DECREASE = 0.7;
const DELIVERED_SHARE = 0.9;
/** Rising latency cuts less deeply: the registry slowed down but still answers. */
const LATENCY_DECREASE = 0.85;
/** Window over which the answered rate is measured. */
const DELIVERY_WINDOW_MS = 1000;
/** Requests in flight allowed per request the rate and latency predict: headroom for jitter. */
const CONCURRENCY_HEADROOM = 2;
const INITIAL_CONCURRENCY = 4;

export class AdaptiveRate {
  readonly #bounds: AdaptiveRateBounds;
  #rate: number;
  /** Rate at the last 429: from then on the climb is additive, a share of it per second. */
  #rateAtSlowDown: number | undefined;
  #limitFound: number | undefined;
  /** Answers to requests sent before this time say nothing about the current rate. */
  #lastSlowDownAt = Number.NEGATIVE_INFINITY;
  #answeredSinceSlowDown = 0;
  readonly #latency = new LatencyBaselines();
  /** Answer times within the delivery window, oldest first. */
  #answerTimes: number[] = [];
  #peakRate = 0;
  readonly #slowDowns = { throttled: 0, latency: 0 };

  constructor(bounds: AdaptiveRateBounds, initialRate = INITIAL_RATE) {
    this.#bounds = bounds;
    this.#rate = Math.min(Math.max(initialRate, MIN_RATE), bounds.maxRequestsPerSecond);
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
    if (this.#limitFound !== undefined) findings.limitFound = this.#limitFound;
    return findings;
  }

  /** Feeds one answer; says whether the throttle must slow down or hold every caller back. */
  onAnswer(sample: AnswerSample): Reaction {
    if (sample.kind === 'unanswered') return 'none';
    const current = sample.sentAt >= this.#lastSlowDownAt;
    if (sample.kind === 'throttled') return this.#onThrottled(sample, current);
    this.#countAnswer(sample.answeredAt);
    const latencyRose = this.#latency.add(sample.key, sample.answeredAt - sample.sentAt, sample.answeredAt);
    if (latencyRose) {
      // A registry that queues is slowed down, without taking the rate as its limit: once latency is
      // back to normal, slow start (or the additive climb) resumes from the lower rate.
      if (!current) return 'none';
      this.#cut(LATENCY_DECREASE, sample.answeredAt);
      this.#slowDowns.latency++;
      return 'slowed';
    }
    if (sample.paced) this.#speedUp();
    return 'none';
  }

  #onThrottled(sample: AnswerSample, current: boolean): Reaction {
    if (!current) return 'none';
    // Refused again after a slow-down that nothing got through: the registry wants everyone to wait.
    const refusing = this.#answeredSinceSlowDown === 0 && this.#slowDowns.throttled > 0;
    const delivered = this.#deliveredRate(sample.answeredAt);
    this.#limitFound = delivered > 0 ? Math.min(delivered, this.#rate) : this.#rate;
    this.#rateAtSlowDown = this.#rate;
    this.#cut(
      Math.max(THROTTLE_DECREASE, (Math.min(this.#rate, delivered) * DELIVERED_SHARE) / this.#rate),
      sample.answeredAt,
    );
    this.#slowDowns.throttled++;
    return refusing ? 'pause-all' : 'slowed';
  }

  #cut(factor: number, at: number): void {
    this.#rate = Math.max(MIN_RATE, Math.min(this.#rate * factor, this.#bounds.maxRequestsPerSecond));
    this.#lastSlowDownAt = at;
    this.#answeredSinceSlowDown = 0;
  }

  #speedUp(): void {
    const latencyMs = this.#latency.typicalMs() ?? 100;
    const step =
      this.#rateAtSlowDown === undefined
        ? // Slow start: each answer adds its share of SLOW_START_GROWTH × rate per round trip.
          (SLOW_START_GROWTH * 1000) / Math.max(latencyMs, 1)
        : // Additive: ADDITIVE_SHARE_PER_SECOND of the last limit per second, spread over the answers.
          (ADDITIVE_SHARE_PER_SECOND * this.#rateAtSlowDown) / this.#rate;
    this.#rate = Math.min(this.#rate + step, this.#bounds.maxRequestsPerSecond);
  }

  #countAnswer(at: number): void {
    this.#answeredSinceSlowDown++;
    this.#answerTimes.push(at);
    const from = at - DELIVERY_WINDOW_MS;
    const drop = this.#answerTimes.findIndex((time) => time > from);
    if (drop > 0) this.#answerTimes.splice(0, drop);
    this.#peakRate = Math.max(this.#peakRate, (this.#answerTimes.length * 1000) / DELIVERY_WINDOW_MS);
  }

  /** Answers per second over the last window. */
  #deliveredRate(at: number): number {
    const from = at - DELIVERY_WINDOW_MS;
    const count = this.#answerTimes.filter((t) => t > from).length;
    return (count * 1000) / DELIVERY_WINDOW_MS;
  }
}
