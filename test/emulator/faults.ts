// Fault injection: which requests fail, hang, slow down or get a lying response, and how.

/**
 * When a fault fires for a matching request: `next: N` the next N times, `after: N` every time after
 * the first N, `rate: p` with probability p (a seeded, repeatable sequence), `{}` or `true` always.
 */
export type FaultTrigger = true | { next?: number; after?: number; rate?: number };

export interface FaultSet {
  /** Delay before answering, ms. */
  latencyMs?: number;
  /**
   * Up to this much more delay, ms, drawn per request from the seeded sequence: requests sent close
   * together reach the state in a different order than they were sent.
   */
  latencyJitterMs?: number;
  /**
   * Token bucket per rule; an empty bucket answers 429 with `Retry-After`, or with `answer: 'swr-403'`
   * as SWR's own throttling does: 403 `SVCSTG.SWR.4031042` "There are too many requests." (SWR spec,
   * error codes), without `Retry-After`.
   */
  rateLimit?: { capacity: number; refillPerSecond: number; answer?: '429' | 'swr-403' };
  /** Answers 500 (default), 502 or 503 with the provider's error body. */
  error?: FaultTrigger;
  errorStatus?: 500 | 502 | 503;
  /** Never sends response headers (until the emulator closes). */
  hang?: FaultTrigger;
  /** Destroys the socket without a response. */
  drop?: FaultTrigger;
  /** Sends a cut-off JSON body with status 200. */
  malformedJson?: FaultTrigger;
  /** Reports `extra` more records in `Content-Range` (and CCR `total`) than exist. */
  lieContentRange?: FaultTrigger;
  lieContentRangeExtra?: number;
  /** Answers 401 with the provider's auth error body. */
  unauthorized?: FaultTrigger;
  /** After N matching requests every IAM token issued so far is revoked (a new one works). */
  revokeTokensAfter?: number;
}

/** Faults for requests whose method and path match; `*` is one path segment, `**` anything. */
export interface RouteFault extends FaultSet {
  method?: string;
  path: string;
}

export interface FaultConfig extends FaultSet {
  /** Seed of the random sequence behind `rate` triggers (default 1). */
  seed?: number;
  routes?: RouteFault[];
}

/** What the server does to one request. */
export interface FaultDecision {
  /** Fault names applied, for the request log. */
  applied: string[];
  latencyMs: number;
  terminal?:
    | { kind: 'drop' }
    | { kind: 'hang' }
    | { kind: 'rate-limit'; retryAfterSeconds: number; answer: '429' | 'swr-403' }
    | { kind: 'error'; status: number }
    | { kind: 'unauthorized' };
  malformedJson: boolean;
  contentRangeExtra: number;
  revokeTokens: boolean;
}

interface RuleRuntime {
  rule: RouteFault | FaultSet;
  pattern?: RegExp;
  method?: string;
  seen: number;
  used: Map<string, number>;
  tokens: number;
  refilledAt: number;
  revoked: boolean;
}

function globToRegExp(glob: string): RegExp {
  const escaped = glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(
    `^${escaped
      .replace(/\*\*/g, '\u0000')
      .replace(/\*/g, '[^/]*')
      .replace(/\u0000/g, '.*')}$`,
  );
}

/** mulberry32: a tiny seeded generator, so `rate` faults repeat run after run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Decides the faults of each request from a FaultConfig; counters restart when the config is replaced. */
export class FaultEngine {
  private rules: RuleRuntime[] = [];
  private random: () => number = seededRandom(1);
  private readonly now: () => Date;
  private current: FaultConfig = {};

  constructor(now: () => Date, config: FaultConfig = {}) {
    this.now = now;
    this.set(config);
  }

  /** Replaces every fault (an empty object turns faults off). */
  set(config: FaultConfig): void {
    this.current = config;
    this.random = seededRandom(config.seed ?? 1);
    const { routes = [], seed: _seed, ...global } = config;
    const at = this.now().getTime();
    const runtime = (rule: RouteFault | FaultSet, path?: string, method?: string): RuleRuntime => ({
      rule,
      ...(path ? { pattern: globToRegExp(path) } : {}),
      ...(method ? { method: method.toUpperCase() } : {}),
      seen: 0,
      used: new Map(),
      tokens: rule.rateLimit?.capacity ?? 0,
      refilledAt: at,
      revoked: false,
    });
    this.rules = [runtime(global), ...routes.map((r) => runtime(r, r.path, r.method))];
  }

  config(): FaultConfig {
    return this.current;
  }

  /** The faults for one request (counters advance). */
  decide(method: string, path: string): FaultDecision {
    const decision: FaultDecision = {
      applied: [],
      latencyMs: 0,
      malformedJson: false,
      contentRangeExtra: 0,
      revokeTokens: false,
    };
    for (const rt of this.rules) {
      if (rt.pattern && !rt.pattern.test(path)) continue;
      if (rt.method && rt.method !== method) continue;
      rt.seen += 1;
      this.apply(rt, decision);
    }
    return decision;
  }

  private fires(rt: RuleRuntime, name: string, trigger: FaultTrigger | undefined): boolean {
    if (trigger === undefined) return false;
    if (trigger === true) return true;
    if (trigger.next !== undefined) {
      const used = rt.used.get(name) ?? 0;
      if (used >= trigger.next) return false;
      rt.used.set(name, used + 1);
      return true;
    }
    if (trigger.after !== undefined) return rt.seen > trigger.after;
    if (trigger.rate !== undefined) return this.random() < trigger.rate;
    return true;
  }

  private apply(rt: RuleRuntime, d: FaultDecision): void {
    const r = rt.rule;
    if (r.latencyMs || r.latencyJitterMs) {
      const jitter = r.latencyJitterMs ? Math.floor(this.random() * r.latencyJitterMs) : 0;
      d.latencyMs += (r.latencyMs ?? 0) + jitter;
      d.applied.push('latency');
    }
    if (r.revokeTokensAfter !== undefined && !rt.revoked && rt.seen > r.revokeTokensAfter) {
      rt.revoked = true;
      d.revokeTokens = true;
      d.applied.push('revoke-tokens');
    }
    if (!d.terminal) d.terminal = this.terminal(rt, d);
    if (this.fires(rt, 'malformedJson', r.malformedJson)) {
      d.malformedJson = true;
      d.applied.push('malformed-json');
    }
    if (this.fires(rt, 'lieContentRange', r.lieContentRange)) {
      d.contentRangeExtra += r.lieContentRangeExtra ?? 10;
      d.applied.push('lie-content-range');
    }
  }

  private terminal(rt: RuleRuntime, d: FaultDecision): FaultDecision['terminal'] {
    const r = rt.rule;
    const pick = (name: string, terminal: NonNullable<FaultDecision['terminal']>) => {
      d.applied.push(name);
      return terminal;
    };
    if (this.fires(rt, 'drop', r.drop)) return pick('drop', { kind: 'drop' });
    if (this.fires(rt, 'hang', r.hang)) return pick('hang', { kind: 'hang' });
    if (r.rateLimit) {
      const wait = this.takeToken(rt, r.rateLimit);
      if (wait > 0) {
        const answer = r.rateLimit.answer ?? '429';
        return pick('rate-limit', { kind: 'rate-limit', retryAfterSeconds: wait, answer });
      }
    }
    if (this.fires(rt, 'error', r.error))
      return pick('error', { kind: 'error', status: r.errorStatus ?? 500 });
    if (this.fires(rt, 'unauthorized', r.unauthorized)) return pick('unauthorized', { kind: 'unauthorized' });
    return undefined;
  }

  /** Takes a token; returns 0 on success or the whole seconds until one is available. */
  private takeToken(rt: RuleRuntime, limit: { capacity: number; refillPerSecond: number }): number {
    const at = this.now().getTime();
    rt.tokens = Math.min(limit.capacity, rt.tokens + ((at - rt.refilledAt) / 1000) * limit.refillPerSecond);
    rt.refilledAt = at;
    if (rt.tokens >= 1) {
      rt.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - rt.tokens) / limit.refillPerSecond));
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const TRIGGERS = ['error', 'hang', 'drop', 'malformedJson', 'lieContentRange', 'unauthorized'];
const NUMBERS = [
  'latencyMs',
  'latencyJitterMs',
  'errorStatus',
  'lieContentRangeExtra',
  'revokeTokensAfter',
  'seed',
];

function checkFaultSet(value: Record<string, unknown>, where: string): void {
  for (const key of TRIGGERS) {
    const trigger = value[key];
    if (trigger === undefined || trigger === true) continue;
    if (!isObject(trigger) || Object.values(trigger).some((v) => typeof v !== 'number')) {
      throw new Error(`faults: ${where}${key} must be true or {next|after|rate: number}`);
    }
  }
  for (const key of NUMBERS) {
    if (value[key] !== undefined && typeof value[key] !== 'number')
      throw new Error(`faults: ${where}${key} must be a number`);
  }
  const limit = value.rateLimit;
  if (
    limit !== undefined &&
    !(
      isObject(limit) &&
      typeof limit.capacity === 'number' &&
      typeof limit.refillPerSecond === 'number' &&
      (limit.answer === undefined || limit.answer === '429' || limit.answer === 'swr-403')
    )
  ) {
    throw new Error(
      `faults: ${where}rateLimit must be {capacity, refillPerSecond, answer?: "429" | "swr-403"}`,
    );
  }
}

/** A FaultConfig checked for shape (from JSON); throws naming the bad field. */
export function parseFaultConfig(value: unknown): FaultConfig {
  if (!isObject(value)) throw new Error('faults: must be a JSON object');
  checkFaultSet(value, '');
  if (value.routes !== undefined) {
    if (!Array.isArray(value.routes)) throw new Error('faults: routes must be an array');
    value.routes.forEach((route, i) => {
      if (!isObject(route) || typeof route.path !== 'string')
        throw new Error(`faults: routes[${i}].path must be a string`);
      checkFaultSet(route, `routes[${i}].`);
    });
  }
  return value as FaultConfig;
}
