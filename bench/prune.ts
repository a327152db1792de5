// prune-tags benchmark: (a) achieved request rate against the rate-limit input, (b) requests made against
// the minimum, (c) time against a naive sequential loop run in this same benchmark, on 10,000 tags of one
// repository in the emulator; (d) peak RSS for planning 100,000 tags, in a child process running bundled
// code as dist/ does. Exported for bench/run.ts; `node bench/prune.ts` runs it alone.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Emulator, startEmulator } from '../test/emulator/index.ts';
import { runStep } from '../test/harness/runner.ts';
import { swrEmulatorInputs } from '../test/support/emulator-inputs.ts';
import { type BenchFigure, formatFigure } from './figures.ts';

const root = resolve(import.meta.dirname, '..');
const TAGS = 10_000;
const PAGE_SIZE = 100;
const RATE_LIMIT = 400;
const LATENCY_MS = 5;
const PLAN_TAGS = 100_000;
const RECHECK_TAGS = 1_000;

/** 10,000 tags in team/big; the server answers after LATENCY_MS and throttles (429) above 110 % of the limit. */
async function emulatorWithTags(): Promise<Emulator> {
  const tags = Array.from({ length: TAGS }, (_, i) => ({ tag: `build-${i}` }));
  return startEmulator({
    seed: { swr: { namespaces: [{ name: 'team', repositories: [{ name: 'big', tags }] }] } },
    faults: { latencyMs: LATENCY_MS, rateLimit: { capacity: 40, refillPerSecond: RATE_LIMIT * 1.1 } },
  });
}

/** Times of the first and last request the emulator logged, sampled every 5 ms. */
function watchRequests(emu: Emulator): () => { count: number; spanMs: number } {
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
    return { count: emu.requests.length, spanMs: first === undefined ? 0 : last - first };
  };
}

/**
 * Requests per deleted tag on RECHECK_TAGS tags, with the re-read before deleting and without it, each
 * on a fresh emulator (no latency, no throttling): the re-check's cost side by side.
 */
async function recheckCost(): Promise<{ with: number; without: number; deleted: number }> {
  const perDeleted = async (recheck: boolean) => {
    const tags = Array.from({ length: RECHECK_TAGS }, (_, i) => ({ tag: `build-${i}` }));
    const emu = await startEmulator({
      seed: { swr: { namespaces: [{ name: 'team', repositories: [{ name: 'big', tags }] }] } },
    });
    try {
      const result = await runStep({
        action: 'prune-tags',
        timeoutMs: 600_000,
        inputs: {
          ...swrEmulatorInputs(emu.url),
          namespace: 'team',
          repositories: 'big',
          include: '*',
          'max-deletions': String(RECHECK_TAGS),
          'rate-limit': '0',
          concurrency: '16',
          recheck: String(recheck),
        },
      });
      if (result.exitCode !== 0) throw new Error(`prune-tags failed:\n${result.log.slice(-2000)}`);
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

async function runPruneTags(): Promise<{
  ms: number;
  requests: number;
  spanMs: number;
  throttled: number;
  deleted: number;
}> {
  const emu = await emulatorWithTags();
  try {
    const stop = watchRequests(emu);
    const began = performance.now();
    const result = await runStep({
      action: 'prune-tags',
      timeoutMs: 600_000,
      inputs: {
        ...swrEmulatorInputs(emu.url),
        namespace: 'team',
        repositories: 'big',
        include: '*',
        'keep-last': '0',
        'max-deletions': String(TAGS),
        concurrency: '16',
        'rate-limit': String(RATE_LIMIT),
      },
    });
    const ms = performance.now() - began;
    const { count, spanMs } = stop();
    if (result.exitCode !== 0) throw new Error(`prune-tags failed:\n${result.log.slice(-2000)}`);
    return {
      ms,
      requests: count,
      spanMs,
      throttled: emu.requests.filter((r) => r.status === 429).length,
      deleted: Number(result.outputs['deleted-count']),
    };
  } finally {
    await emu.close();
  }
}

/** The baseline: list, then delete one by one, in a child process like the action. */
async function runNaiveLoop(): Promise<{ ms: number; deleted: number }> {
  const emu = await emulatorWithTags();
  try {
    const out = await node([join(root, 'bench/prune-naive-loop.ts'), emu.url, 'team', 'big']);
    return JSON.parse(out) as { ms: number; deleted: number };
  } finally {
    await emu.close();
  }
}

/**
 * Peak RSS of a child reading and planning PLAN_TAGS tags, bundled with ncc as dist/ is (no type
 * stripping at run time); the median of three runs, since V8's heap sizing varies from run to run.
 */
async function planMemory(mode: 'plan' | 'read-only'): Promise<{ maxRssMb: number; tags: number }> {
  // ncc ships no types; the specifier in a variable keeps tsc from looking for them.
  const specifier = '@vercel/ncc';
  const { default: ncc } = (await import(specifier)) as { default: Ncc };
  const { code } = await ncc(join(root, 'bench/prune-plan-memory.ts'), { quiet: true, target: 'es2023' });
  const file = join(mkdtempSync(join(tmpdir(), 'prune-bench-')), 'plan-memory.js');
  writeFileSync(file, code);
  const runs: { maxRssMb: number; tags: number }[] = [];
  for (let i = 0; i < 3; i++) runs.push(JSON.parse(await node([file, String(PLAN_TAGS), mode])));
  runs.sort((a, b) => a.maxRssMb - b.maxRssMb);
  const [, median] = runs;
  if (!median) throw new Error('plan memory: fewer than two runs');
  return median;
}

type Ncc = (file: string, options: Record<string, unknown>) => Promise<{ code: string }>;

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

/** Every figure of the prune-tags benchmark. */
export async function benchPrune(): Promise<BenchFigure[]> {
  const action = await runPruneTags();
  const naive = await runNaiveLoop();
  const planned = await planMemory('plan');
  const readOnly = await planMemory('read-only');
  const recheck = await recheckCost();
  // The listing is read twice: to plan, and again right before deleting (recheck, the default).
  const pages = Math.ceil(TAGS / PAGE_SIZE);
  const minimum = 2 * pages + TAGS;
  const achieved = ((action.requests - 1) / action.spanMs) * 1000;
  return [
    {
      name: `prune-tags ${TAGS} tags: achieved rate / rate-limit`,
      value: achieved / RATE_LIMIT,
      unit: `x (${achieved.toFixed(0)} of ${RATE_LIMIT} requests/s, ${action.throttled} answered 429)`,
      target: '≥ 0.9',
    },
    {
      name: `prune-tags ${TAGS} tags: requests made / minimum`,
      value: action.requests / minimum,
      unit: `x (${action.requests} made; minimum ${minimum} = ${pages} list pages to plan + ${pages} to re-check + ${TAGS} deletions)`,
      target: '= 1',
    },
    {
      name: `prune-tags ${RECHECK_TAGS} tags: requests per deleted tag, recheck true / false`,
      value: recheck.with / recheck.without,
      unit: `x (${recheck.with.toFixed(3)} with the re-read before deleting, ${recheck.without.toFixed(3)} without; ${recheck.deleted} deleted)`,
      target: `one more listing per repository (${Math.ceil(RECHECK_TAGS / PAGE_SIZE)} pages for ${RECHECK_TAGS} tags)`,
    },
    {
      name: `prune-tags ${TAGS} tags: naive sequential loop time / prune-tags time`,
      value: naive.ms / action.ms,
      unit: `x (naive ${(naive.ms / 1000).toFixed(1)} s, prune-tags ${(action.ms / 1000).toFixed(1)} s incl. start-up; ${LATENCY_MS} ms server latency)`,
      target: '> 1',
    },
    {
      name: `prune-tags: peak RSS reading + planning ${planned.tags} tags`,
      value: Math.round(planned.maxRssMb),
      unit: 'MB (median of 3 child processes, bundled code, list pages parsed from JSON)',
      target: '< 150 MB',
    },
    {
      name: `prune-tags: peak RSS reading ${readOnly.tags} tags, not planning`,
      value: Math.round(readOnly.maxRssMb),
      unit: 'MB (for comparison: what reading the listing alone costs)',
    },
  ];
}

if (import.meta.filename === process.argv[1]) {
  for (const figure of await benchPrune()) console.log(formatFigure(figure));
}
