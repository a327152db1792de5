// One row of the hostile-server matrix: the emulator behind a proxy that rewrites its answers, the built
// dist/ action run through the runner harness against the proxy, and the invariants every row names.
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { expect, it } from 'vitest';
import { type Emulator, type EmulatorSeed, startEmulator } from '../../emulator/index.ts';
import { newJobDir, runJob, type StepResult } from '../../harness/runner.ts';
import { type HostileProxy, type HostileRule, startHostileProxy } from './hostile-proxy.ts';
import { expectNoInjectedCommand } from './runner-commands.ts';

/** What each row promises, whatever the server or the inputs say. */
export type Invariant =
  /** No line of the step's output is a runner command that injected text wrote; no ESC or CR reaches the log. */
  | 'no runner command'
  /** Every request the proxy saw has a normal path (no dot or empty segments) inside the row's allowed set. */
  | 'no request off path'
  /** The step ends by itself (not killed at the row's time limit) and within a bounded heap. */
  | 'bounded time and memory'
  /** No DELETE (or other write) reached the registry beyond the row's allowed ones. */
  | 'nothing deleted on doubt';

/** One finding against one action. */
export interface HostileRow {
  /** Finding number and name, e.g. "2. tag `..` from the listing". */
  finding: string;
  action: string;
  /** The emulator's seed, or a function giving it when the row runs (after the file's setup). */
  seed: EmulatorSeed | (() => EmulatorSeed);
  inputs: (endpoint: string, jobDir: string) => Record<string, string>;
  rules?: readonly HostileRule[];
  env?: (jobDir: string) => Record<string, string>;
  /** Prepares the job directory (e.g. a symlinked docker config). */
  prepare?: (jobDir: string) => void;
  expected: 'succeeds' | RegExp;
  invariants: readonly Invariant[];
  /** Writes allowed to reach the registry: `METHOD path` patterns (default: none). */
  allowedWrites?: readonly RegExp[];
  /** The heap cap (MiB) of the step's node process under 'bounded time and memory' (default 160). */
  heapMiB?: number;
  /** Kill the step after this long (ms); default 60 s, slow rows longer. */
  timeoutMs?: number;
  /** The row's own checks. */
  check?: (run: HostileRun) => void;
}

export interface HostileRun {
  emu: Emulator;
  proxy: HostileProxy;
  main: StepResult;
  post: StepResult | undefined;
  jobDir: string;
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Defines one test per row: runs it and asserts its outcome and invariants. */
export function itEachHostileRow(rows: readonly HostileRow[]): void {
  for (const row of rows) {
    const limit = row.timeoutMs ?? 60_000;
    it(`${row.finding} — ${row.action}: ${row.invariants.join(', ')}`, {
      timeout: limit + 30_000,
    }, async () => {
      const run = await runHostileRow(row, limit);
      try {
        expectRowOutcome(row, run.main);
        for (const invariant of row.invariants) INVARIANT_CHECKS[invariant](row, run);
        row.check?.(run);
      } finally {
        await run.proxy.close();
        await run.emu.close();
      }
    });
  }
}

async function runHostileRow(row: HostileRow, timeoutMs: number): Promise<HostileRun> {
  const emu = await startEmulator({ seed: typeof row.seed === 'function' ? row.seed() : row.seed });
  const proxy = await startHostileProxy(emu.url, row.rules ?? []);
  const jobDir = newJobDir();
  row.prepare?.(jobDir);
  const heap = row.invariants.includes('bounded time and memory')
    ? { NODE_OPTIONS: `--max-old-space-size=${row.heapMiB ?? 160}` }
    : {};
  const { main, post } = await runJob({
    action: row.action,
    inputs: row.inputs(proxy.url, jobDir),
    env: { ...heap, ...row.env?.(jobDir) },
    jobDir,
    timeoutMs,
  });
  return { emu, proxy, main, post, jobDir };
}

function expectRowOutcome(row: HostileRow, main: StepResult): void {
  expect(main.exitCode, `killed or crashed:\n${main.log.slice(-3000)}`).not.toBe(143);
  if (row.expected === 'succeeds') {
    expect(main.exitCode, main.log.slice(-3000)).toBe(0);
    expect(main.errors).toEqual([]);
    return;
  }
  expect(main.exitCode, main.log.slice(-3000)).toBe(1);
  expect(main.errors, main.log.slice(-3000)).toHaveLength(1);
  expect(main.errors[0]).toMatch(row.expected);
}

const INVARIANT_CHECKS: Record<Invariant, (row: HostileRow, run: HostileRun) => void> = {
  'no runner command': (_row, run) => {
    expectNoInjectedCommand(run.main);
    if (run.post) expectNoInjectedCommand(run.post);
    expectSummaryIsText(run.main.summary);
  },
  'no request off path': (row, run) => {
    for (const request of run.proxy.requests) {
      const normal = new URL(request.path, 'http://h.invalid').pathname;
      expect(request.path, `${request.method} ${request.target}`).toBe(normal);
      expect(request.path, `${request.method} ${request.target}`).not.toMatch(/\/\/|\/$/);
    }
    expectWritesAllowed(row, run);
  },
  'bounded time and memory': (_row, run) => {
    // A killed step (143) or an exhausted heap (134, "heap out of memory") fails here.
    expect(run.main.exitCode, run.main.log.slice(-2000)).not.toBe(134);
    expect(run.main.stderr).not.toMatch(/heap out of memory|ERR_STRING_TOO_LONG/);
    if (run.post) expect(run.post.exitCode, run.post.log.slice(-2000)).toBe(0);
  },
  'nothing deleted on doubt': (row, run) => expectWritesAllowed(row, run),
};

function expectWritesAllowed(row: HostileRow, run: HostileRun): void {
  const writes = run.proxy.requests
    .filter((request) => WRITE_METHODS.has(request.method))
    .map((request) => `${request.method} ${request.path}`)
    // Signing in is not a change to the registry.
    .filter((write) => !/^POST \/v3(\.0)?\//.test(write));
  const allowed = row.allowedWrites ?? [];
  for (const write of writes) {
    expect(
      allowed.some((pattern) => pattern.test(write)),
      `${write} is not among the writes this row allows`,
    ).toBe(true);
  }
}

/** Elements our summaries use; anything else in the rendered HTML came from a value. */
const SUMMARY_ELEMENTS = new Set([
  'h2',
  'h3',
  'p',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'code',
  'strong',
  'ul',
  'li',
  'details',
  'summary',
  'br',
]);

/** Renders the job summary as GitHub would (GFM) and asserts it holds only the summaries' own elements. */
export function expectSummaryIsText(summary: string): void {
  if (summary === '') return;
  const html = micromark(summary, {
    allowDangerousHtml: true,
    extensions: [gfm()],
    htmlExtensions: [gfmHtml()],
  });
  const elements = [...html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9]*)/g)].map((match) => match[1]!.toLowerCase());
  for (const element of elements)
    expect(SUMMARY_ELEMENTS.has(element), `<${element}> in:\n${html}`).toBe(true);
}
