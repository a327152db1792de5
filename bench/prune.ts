// prune-tags benchmark, through dist/ with default inputs, against the emulator 40 ms ± 10 ms away:
// (a) the rate reached against registry limits the action is not told (50, 200, 1,000 requests/s) and
//     the share of requests refused with 429; (b) requests made against the minimum; (c) 10,000 tags end
//     to end against a sequential list-then-delete loop with the official SDK, in this same run;
// (d) peak RSS of whole dry runs of 100,000 and 1,000,000 tags.
// Exported for bench/run.ts; `node bench/prune.ts` runs it alone, `npm run bench:rate [-- limit…]`
// only the adaptive runs (a) (of the given limits; BENCH_RUNS runs each), to iterate on the controller.
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { type Emulator, type FaultConfig, startEmulator } from '../test/emulator/index.ts';
import { runStep } from '../test/harness/runner.ts';
import { swrEmulatorInputs } from '../test/support/emulator-inputs.ts';
import { type BenchFigure, formatFigure, median } from './figures.ts';
import { dryRunMemory, listingFloorMb } from './prune-dry-run-memory.ts';

const root = resolve(import.meta.dirname, '..');
const PAGE_SIZE = 100;
/** 40 ms ± 10 ms: the emulator adds up to latencyJitterMs to latencyMs. */
const LATENCY = { latencyMs: 30, latencyJitterMs: 20 };
/** Each limit with enough tags for a run of 10–20 s; the largest is also the end-to-end comparison. */
const LIMITS = [
  { limit: 50, tags: 1_000 },
  { limit: 200, tags: 4_000 },
  { limit: 1_000, tags: 10_000 },
];
const RECHECK_TAGS = 1_000;
/** Requests in flight in the plain loop: more than 1,000/s × 40 ms needs, as prune-tags allows. */
const PLAIN_WORKERS = 64;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const MEMORY_TAGS = [
  { tags: 100_000, targetMb: 100, runs: RUNS },
  { tags: 1_000_000, targetMb: 400, runs: RUNS },
];

/** `tags` tags in team/big behind a token bucket of `limit` per second (a tenth of a second of burst). */
async function limitedEmulator(limit: number, tags: number): Promise<Emulator> {
  return emulatorWithTags(tags, {
    ...LATENCY,
    rateLimit: { capacity: Math.max(5, limit / 10), refillPerSecond: limit },
  });
}

/** `tags` tags in team/big, with the given faults (none: answers at once, never throttles). */
function emulatorWithTags(tags: number, faults?: FaultConfig): Promise<Emulator> {
  const seeded = Array.from({ length: tags }, (_, i) => ({ tag: `build-${i}` }));
  return startEmulator({
    seed: { swr: { namespaces: [{ name: 'team', repositories: [{ name: 'big', tags: seeded }] }] } },
    ...(faults && { faults }),
  });
}

/** prune-tags from dist/ deletes every tag of team/big (default inputs otherwise); throws when it fails. */
async function pruneEverything(emu: Emulator, tags: number, inputs: Record<string, string> = {}) {
  const result = await runStep({
    action: 'prune-tags',
    timeoutMs: 900_000,
    inputs: {
      ...swrEmulatorInputs(emu.url),
      namespace: 'team',
      repositories: 'big',
      include: '*',
      'keep-last': '0',
      'max-deletions': String(tags),
      ...inputs,
    },
  });
  if (result.exitCode !== 0) throw new Error(`prune-tags failed:\n${result.log.slice(-2000)}`);
  return result;
}

/** Times of the first and last request the emulator logged, sampled every 5 ms. */
function watchRequests(emu: Emulator): () => number {
  let first: number | undefined;
  let last = 0;
  let seen = 0;
  const timer = setInterval(() => {
    if (emu.requests.length === seen) return;
    seen = emu.requests.length;
    last = performance.now();
    first ??= last;
  }, 5);
  return () => {
    clearInterval(timer);
    return first === undefined ? 0 : last - first;
  };
}

interface AdaptiveRun {
  ms: number;
  requests: number;
  throttled: number;
  /** Requests answered other than 429, per second, first request to last. */
  answeredRate: number;
  deleted: number;
  /** The limit as the job summary reports it. */
  found?: number;
}

/** prune-tags with default inputs (no rate-limit, no concurrency) deletes every tag. */
async function adaptiveRun(limit: number, tags: number): Promise<AdaptiveRun> {
  const emu = await limitedEmulator(limit, tags);
  try {
    const span = watchRequests(emu);
    const began = performance.now();
    const result = await pruneEverything(emu, tags);
    const ms = performance.now() - began;
    const spanMs = span();
    const throttled = emu.requests.filter((r) => r.status === 429).length;
    const answered = emu.requests.length - throttled;
    // The summary is Markdown, its punctuation escaped: "about 198\/s".
    const found = result.summary.match(/limit was found at about (\d+)\\?\/s/)?.[1];
    return {
      ms,
      requests: emu.requests.length,
      throttled,
      answeredRate: ((answered - 1) / spanMs) * 1000,
      deleted: Number(result.outputs['deleted-count']),
      ...(found && { found: Number(found) }),
    };
  } finally {
    await emu.close();
  }
}

/** The baseline: the official SDK, list then delete one by one, in a child process like the action. */
async function naiveLoop(limit: number, tags: number): Promise<{ ms: number; deleted: number }> {
  const emu = await limitedEmulator(limit, tags);
  try {
    const out = await node([join(root, 'bench/prune-naive-loop.ts'), emu.url, 'team', 'big']);
    return JSON.parse(out) as { ms: number; deleted: number };
  } finally {
    await emu.close();
  }
}

function node(args: string[]): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolvePromise(out.trim().split('\n').pop() ?? '')
        : reject(new Error(`${args[0]} exited ${code}`)),
    );
  });
}

/**
 * Requests per deleted tag on RECHECK_TAGS tags, with the re-read before deleting and without it, each
 * on a fresh emulator (no latency, no throttling): the re-check's cost side by side.
 */
async function recheckCost(): Promise<{ with: number; without: number; deleted: number }> {
  const perDeleted = async (recheck: boolean) => {
    const emu = await emulatorWithTags(RECHECK_TAGS);
    try {
      const result = await pruneEverything(emu, RECHECK_TAGS, { recheck: String(recheck) });
      const deleted = Number(result.outputs['deleted-count']);
      return { perTag: emu.requests.length / deleted, deleted };
    } finally {
      await emu.close();
    }
  };
  const checked = await perDeleted(true);
  const unchecked = await perDeleted(false);
  return { with: checked.perTag, without: unchecked.perTag, deleted: checked.deleted };
}

function rateFigure(limit: number, tags: number, runs: AdaptiveRun[]): BenchFigure[] {
  const ratio = median(runs.map((r) => r.answeredRate / limit));
  const refused = median(runs.map((r) => r.throttled / r.requests));
  const found = median(runs.map((r) => r.found ?? Number.NaN));
  return [
    {
      name: `prune-tags defaults, limit ${limit}/s unknown: answered rate / limit`,
      value: ratio,
      unit: `x (median of ${runs.length}: ${(ratio * limit).toFixed(0)} of ${limit} requests/s, ${tags} tags; summary: limit found at about ${Number.isNaN(found) ? '?' : found}/s)`,
      target: '≥ 0.85',
      met: ratio >= 0.85,
    },
    {
      name: `prune-tags defaults, limit ${limit}/s unknown: share answered 429`,
      value: refused,
      unit: `(median of ${runs.length}: ${runs.map((r) => `${r.throttled}/${r.requests}`).join(', ')})`,
      target: '≤ 0.03',
      met: refused <= 0.03,
    },
  ];
}

/**
 * The deletions' requests in a plain loop (bench/plain-delete-loop.ts) against the emulator at the
 * same latency and no limit: requests per second this machine reaches, the ceiling of any controller.
 */
async function plainLoopRate(tags: number): Promise<number> {
  const emu = await emulatorWithTags(tags, LATENCY);
  try {
    const args = [emu.url, 'team', 'big', String(tags), String(PLAIN_WORKERS)];
    const out = await node([join(root, 'bench/plain-delete-loop.ts'), ...args]);
    const { answered, ms } = JSON.parse(out) as { answered: number; ms: number };
    if (answered !== tags) throw new Error(`plain loop: ${answered} of ${tags} deletions answered`);
    return (answered * 1000) / ms;
  } finally {
    await emu.close();
  }
}

interface LimitRuns {
  runs: AdaptiveRun[];
  /** Plain-loop rates, each measured right after an adaptive run (the largest limit only). */
  plain: number[];
}

/** RUNS adaptive runs at `limit`; at the largest, each followed by a plain loop, so both meet the same load. */
async function limitRuns(limit: number, tags: number): Promise<LimitRuns> {
  const result: LimitRuns = { runs: [], plain: [] };
  for (let i = 0; i < RUNS; i++) {
    result.runs.push(await adaptiveRun(limit, tags));
    if (limit === LIMITS.at(-1)?.limit) result.plain.push(await plainLoopRate(tags));
  }
  return result;
}

/** What this machine reaches with the bare requests, and how much of it prune-tags used. */
function plainFigure(limit: number, tags: number, { runs, plain }: LimitRuns): BenchFigure[] {
  if (plain.length === 0) return [];
  const machine = median(plain);
  const answered = median(runs.map((r) => r.answeredRate));
  return [
    {
      name: `plain loop of ${tags} signed DELETEs, ${PLAIN_WORKERS} in flight, no limit`,
      value: Math.round(machine),
      unit: `requests/s (median of ${plain.length}, 40 ± 10 ms; this machine's ceiling: prune-tags against the ${limit}/s limit answered ${answered.toFixed(0)}/s, ${(answered / machine).toFixed(2)} of it)`,
    },
  ];
}

/** The adaptive runs (a) alone, at the given limits (all when none given). */
async function benchAdaptive(only: number[]): Promise<BenchFigure[]> {
  const figures: BenchFigure[] = [];
  for (const { limit, tags } of LIMITS.filter((l) => only.length === 0 || only.includes(l.limit))) {
    const measured = await limitRuns(limit, tags);
    figures.push(...rateFigure(limit, tags, measured.runs), ...plainFigure(limit, tags, measured));
  }
  return figures;
}

/** Every figure of the prune-tags benchmark. */
export async function benchPrune(): Promise<BenchFigure[]> {
  const figures: BenchFigure[] = [];
  const largest = LIMITS[LIMITS.length - 1];
  if (!largest) throw new Error('prune bench: no limits to measure');
  let endToEnd: AdaptiveRun[] = [];
  for (const { limit, tags } of LIMITS) {
    const measured = await limitRuns(limit, tags);
    const runs = measured.runs;
    figures.push(...rateFigure(limit, tags, runs), ...plainFigure(limit, tags, measured));
    if (limit === largest.limit) endToEnd = runs;
  }
  // The listing is read twice: to plan, and again right before deleting (recheck, the default).
  const pages = Math.ceil(largest.tags / PAGE_SIZE);
  const minimum = 2 * pages + largest.tags;
  const made = median(endToEnd.map((r) => r.requests - r.throttled));
  figures.push({
    name: `prune-tags ${largest.tags} tags: requests made / minimum (429s aside)`,
    value: made / minimum,
    unit: `x (${made} made; minimum ${minimum} = ${pages} list pages to plan + ${pages} to re-check + ${largest.tags} deletions)`,
    target: '= 1',
    met: made === minimum,
  });
  const recheck = await recheckCost();
  const recheckPages = Math.ceil(RECHECK_TAGS / PAGE_SIZE);
  const oneMoreListing = (RECHECK_TAGS + 2 * recheckPages) / (RECHECK_TAGS + recheckPages);
  figures.push({
    name: `prune-tags ${RECHECK_TAGS} tags: requests per deleted tag, recheck true / false`,
    value: recheck.with / recheck.without,
    unit: `x (${recheck.with.toFixed(3)} with the re-read before deleting, ${recheck.without.toFixed(3)} without; ${recheck.deleted} deleted)`,
    target: `≤ ${oneMoreListing.toFixed(3)} (one more listing)`,
    met: recheck.with / recheck.without <= oneMoreListing + 1e-9,
  });
  const naive = await naiveLoop(largest.limit, largest.tags);
  const ours = median(endToEnd.map((r) => r.ms));
  figures.push({
    name: `prune-tags ${largest.tags} tags: SDK sequential loop time / prune-tags time`,
    value: naive.ms / ours,
    unit: `x (official SDK list-then-delete ${(naive.ms / 1000).toFixed(1)} s, prune-tags ${(ours / 1000).toFixed(1)} s median incl. start-up; 40 ± 10 ms latency, limit ${largest.limit}/s)`,
    target: '≥ 10',
    met: naive.ms / ours >= 10,
  });
  for (const { tags, targetMb, runs } of MEMORY_TAGS) {
    const results = [];
    for (let i = 0; i < runs; i++) results.push(await dryRunMemory(tags));
    const peak = median(results.map((r) => r.peakRssMb));
    const seconds = median(results.map((r) => r.seconds));
    figures.push({
      name: `prune-tags dry run of ${tags} tags through dist/: peak RSS`,
      value: Math.round(peak),
      unit: `MB (${runs > 1 ? `median of ${runs}` : 'one run'}; plan printed, outputs and summary written; ${seconds.toFixed(1)} s)`,
      target: `≤ ${targetMb} MB`,
      met: peak <= targetMb,
    });
    const floors = [];
    for (let i = 0; i < runs; i++) floors.push(await listingFloorMb(tags));
    figures.push({
      name: `floor under it: undici's agent alone reading the same ${tags} tags, peak RSS`,
      value: Math.round(median(floors)),
      unit: `MB (${runs > 1 ? `median of ${runs}` : 'one run'}; undici loaded as the action loads it, 16 pages at a time, each body read and dropped; no target: what the HTTP client needs)`,
    });
  }
  return figures;
}

if (import.meta.filename === process.argv[1]) {
  const [part, ...limits] = process.argv.slice(2);
  if (part !== undefined && part !== 'adaptive')
    throw new Error(`bench/prune.ts: unknown part ${part} (adaptive)`);
  const figures = part === 'adaptive' ? await benchAdaptive(limits.map(Number)) : await benchPrune();
  for (const figure of figures) console.log(formatFigure(figure));
}
