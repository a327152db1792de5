// Latency as a congestion signal: per kind of request, answers are grouped in short intervals and each
// interval's median taken; the baseline is the lowest interval median of the last half minute or so.
// Latency is "rising" when the last two interval medians are both well above the baseline: a queue
// building at the registry, not a pause of a fraction of a second on either side (GC, a busy CPU).
// It is told once per interval, when an interval closes: rising, or steady once it is back down.

/** Answers are grouped into intervals this long. */
const INTERVAL_MS = 250;
/** An interval with fewer answers says nothing. */
const MIN_ANSWERS = 5;
/** The baseline is the lowest interval median of the current and of the previous window. */
const BASELINE_WINDOW_MS = 15_000;
/** Rising: above both twice the baseline and the baseline plus this much. */
const RISE_FACTOR = 2;
const RISE_MARGIN_MS = 50;

/** What a closed interval says: a queue building (both recent medians well above the baseline), or not. */
export type LatencyTrend = 'rising' | 'steady';

interface KindLatency {
  intervalStart: number;
  answers: number[];
  /** Medians of the last two full intervals, newest last. */
  recent: number[];
  windowStart: number;
  currentMinMs: number;
  previousMinMs: number;
}

export class LatencyBaselines {
  readonly #kinds = new Map<string, KindLatency>();
  #typicalMs: number | undefined;
  /** An interval has been judged: its median, not the lowest answer so far, is the typical latency. */
  #judgedOnce = false;

  /**
   * Median latency of the last full interval of any kind, ms; before the first interval closes, the
   * lowest seen (the first answer also paid for the connection, and would hold slow start back for a
   * whole interval); undefined before the first answer.
   */
  typicalMs(): number | undefined {
    return this.#typicalMs;
  }

  /**
   * Adds one answer's latency. When it closes an interval with enough answers, says whether this kind's
   * latency is rising or steady; undefined otherwise (nothing new to judge by).
   */
  add(key: string, latencyMs: number, at: number): LatencyTrend | undefined {
    const ms = Math.max(0, latencyMs);
    if (!this.#judgedOnce) this.#typicalMs = Math.min(this.#typicalMs ?? ms, ms);
    let kind = this.#kinds.get(key);
    if (!kind) {
      kind = {
        intervalStart: at,
        answers: [],
        recent: [],
        windowStart: at,
        currentMinMs: Number.POSITIVE_INFINITY,
        previousMinMs: Number.POSITIVE_INFINITY,
      };
      this.#kinds.set(key, kind);
    }
    const closed = at - kind.intervalStart >= INTERVAL_MS;
    const judged = closed && this.#closeInterval(kind, at);
    kind.answers.push(ms);
    if (!judged) return undefined;
    return this.#rising(kind) ? 'rising' : 'steady';
  }

  /** Closes the current interval; true when it had enough answers to judge by. */
  #closeInterval(kind: KindLatency, at: number): boolean {
    const judged = kind.answers.length >= MIN_ANSWERS;
    if (judged) {
      const median = medianOf(kind.answers);
      this.#typicalMs = median;
      this.#judgedOnce = true;
      kind.recent = [...kind.recent.slice(-1), median];
      if (at - kind.windowStart >= BASELINE_WINDOW_MS) {
        kind.previousMinMs = kind.currentMinMs;
        kind.currentMinMs = median;
        kind.windowStart = at;
      } else {
        kind.currentMinMs = Math.min(kind.currentMinMs, median);
      }
    } else {
      // Too few answers to judge: the older interval no longer counts as recent either.
      kind.recent = [];
    }
    kind.answers = [];
    kind.intervalStart = at;
    return judged;
  }

  #rising(kind: KindLatency): boolean {
    if (kind.recent.length < 2) return false;
    const baseline = Math.min(kind.currentMinMs, kind.previousMinMs);
    const threshold = Math.max(baseline * RISE_FACTOR, baseline + RISE_MARGIN_MS);
    return kind.recent.every((median) => median > threshold);
  }
}

function medianOf(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}
