// The runner host speaks the step protocol itself; GitHub's own toolkit (@actions/core, a devDependency
// only) is the oracle: for the same calls and the same environment, both write the same bytes to stdout and
// to the GITHUB_OUTPUT / GITHUB_ENV / GITHUB_STATE / GITHUB_STEP_SUMMARY files (heredoc delimiters are
// random in both, so each `ghadelimiter_<uuid>` is compared as one placeholder), and fail the same way.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as core from '@actions/core';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { githubHost } from '../../../src/core/host/github-host.ts';
import type { LogSink, StepHost } from '../../../src/core/host/step-host.ts';

/** One way of speaking to the runner: the toolkit or our host (the host's calls, its log sink flattened). */
type Speaker = Pick<
  StepHost,
  'setOutput' | 'exportVariable' | 'saveState' | 'getState' | 'input' | 'hideSecret' | 'appendSummary'
> &
  LogSink;

const toolkit: Speaker = {
  setOutput: (name, value) => core.setOutput(name, value),
  exportVariable: (name, value) => core.exportVariable(name, value),
  saveState: (key, value) => core.saveState(key, value),
  getState: (key) => core.getState(key),
  input: (name) => core.getInput(name),
  hideSecret: (value) => core.setSecret(value),
  appendSummary: async (markdown) => {
    // A summary writer per call: the toolkit's one remembers the first file it saw (one file per real step)
    // and keeps in its buffer what a failed write left.
    const summary: typeof core.summary = Reflect.construct(core.summary.constructor, []);
    await summary.addRaw(markdown, true).write();
  },
  info: (text) => core.info(text),
  warning: (text) => core.warning(text),
  notice: (text) => core.notice(text),
  debug: (text) => core.debug(text),
  debugShown: () => core.isDebug(),
  startGroup: (title) => core.startGroup(title),
  endGroup: () => core.endGroup(),
  failure: (message) => core.setFailed(message),
};

const ours: Speaker = {
  setOutput: (name, value) => githubHost.setOutput(name, value),
  exportVariable: (name, value) => githubHost.exportVariable(name, value),
  saveState: (key, value) => githubHost.saveState(key, value),
  getState: (key) => githubHost.getState(key),
  input: (name) => githubHost.input(name),
  hideSecret: (value) => githubHost.hideSecret(value),
  appendSummary: (markdown) => githubHost.appendSummary(markdown),
  ...githubHost.log,
};

const FILES = ['GITHUB_OUTPUT', 'GITHUB_ENV', 'GITHUB_STATE', 'GITHUB_STEP_SUMMARY'] as const;

/** What the runner would read back after `script` ran through `speaker`. */
interface Seen {
  stdout: string;
  files: Record<string, string>;
  exitCode: typeof process.exitCode;
  env: Record<string, string | undefined>;
  error?: string;
}

let dir: string;
const savedEnv = { ...process.env };
const savedExitCode = process.exitCode;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ra-host-'));
});

afterEach(() => {
  process.env = { ...savedEnv };
  process.exitCode = savedExitCode;
  rmSync(dir, { recursive: true, force: true });
});

/** Runs `script` with fresh command files (or none: `withFiles` false) and collects what it wrote. */
async function observe(
  speaker: Speaker,
  script: (speaker: Speaker) => Promise<unknown> | unknown,
  { withFiles = true, env = {} as Record<string, string> } = {},
): Promise<Seen> {
  process.env = { PATH: savedEnv.PATH, ...env };
  process.exitCode = undefined;
  const runDir = mkdtempSync(join(dir, 'run-'));
  if (withFiles) {
    for (const name of FILES) {
      process.env[name] = join(runDir, name);
      writeFileSync(process.env[name], '');
    }
  }
  const chunks: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    chunks.push(String(chunk));
    return true;
  });
  let error: string | undefined;
  let result: unknown;
  try {
    result = await script(speaker);
  } catch (thrown) {
    error = String(thrown);
  } finally {
    spy.mockRestore();
  }
  const files: Record<string, string> = {};
  if (withFiles) for (const name of FILES) files[name] = readFileSync(join(runDir, name), 'utf8');
  const seen = {
    stdout: chunks.join('') + (result === undefined ? '' : `=> ${JSON.stringify(result)}`),
    files,
    exitCode: process.exitCode,
    env: { DOCKER_CONFIG: process.env.DOCKER_CONFIG, VALUE: process.env.VALUE },
    error,
  };
  process.exitCode = undefined;
  return JSON.parse(JSON.stringify(seen).replace(/ghadelimiter_[0-9a-f-]{36}/g, 'ghadelimiter_X'));
}

async function expectSame(
  script: (speaker: Speaker) => Promise<unknown> | unknown,
  options?: Parameters<typeof observe>[2],
): Promise<Seen> {
  const expected = await observe(toolkit, script, options);
  const actual = await observe(ours, script, options);
  expect(actual).toEqual(expected);
  return actual;
}

/** Text with what the protocol escapes or splits on: %, CR, LF, `:` and `,`, `::`, unicode. */
const awkwardText = fc.string({
  unit: fc.oneof(
    fc.constantFrom('%', '\r', '\n', '\r\n', ':', ',', '::', '<<', '=', ' ', 'é', '🔑', '%0A', '%25'),
    fc.string({ maxLength: 3, unit: 'grapheme' }),
  ),
  maxLength: 12,
});
const name = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_-]{0,15}$/);

describe('the runner host writes what @actions/core writes', () => {
  it('outputs, exported variables and state go to their files between heredoc delimiters', async () => {
    await fc.assert(
      fc.asyncProperty(name, awkwardText, async (key, value) => {
        const seen = await expectSame((speaker) => {
          speaker.setOutput(key, value);
          speaker.exportVariable('VALUE', value);
          speaker.saveState(key, value);
        });
        expect(seen.env.VALUE).toBe(value);
        expect(seen.files.GITHUB_OUTPUT).toContain(`${key}<<ghadelimiter_X\n${value}\nghadelimiter_X\n`);
      }),
      { numRuns: 60 },
    );
  });

  it('without the files (an older runner), outputs, variables and state are workflow commands', async () => {
    await fc.assert(
      fc.asyncProperty(awkwardText, awkwardText, async (key, value) => {
        await expectSame(
          (speaker) => {
            speaker.setOutput(key, value);
            speaker.exportVariable('VALUE', value);
            speaker.saveState(key, value);
          },
          { withFiles: false },
        );
      }),
      { numRuns: 60 },
    );
  });

  it('masks, log lines, groups and the failure are the same workflow commands, escaped the same way', async () => {
    await fc.assert(
      fc.asyncProperty(awkwardText, async (text) => {
        const seen = await expectSame((speaker) => {
          speaker.hideSecret(text);
          speaker.info(text);
          speaker.warning(text);
          speaker.notice(text);
          speaker.debug(text);
          speaker.startGroup(text);
          speaker.endGroup();
          speaker.failure(text);
        });
        expect(seen.exitCode).toBe(1);
      }),
      { numRuns: 60 },
    );
    const seen = await expectSame((speaker) => speaker.hideSecret('a%b\r\nc'));
    expect(seen.stdout).toBe('::add-mask::a%25b%0D%0Ac\n');
  });

  it('debug lines count as shown exactly when the toolkit says step debug logging is on', async () => {
    for (const value of ['1', '0', 'true', ' 1', '']) {
      const seen = await expectSame((speaker) => speaker.debugShown(), { env: { RUNNER_DEBUG: value } });
      expect(seen.stdout).toBe(`=> ${value === '1'}`);
    }
    const unset = await expectSame((speaker) => speaker.debugShown());
    expect(unset.stdout).toBe('=> false');
  });

  it('the step summary gets the Markdown and a line end, appended', async () => {
    await fc.assert(
      fc.asyncProperty(awkwardText, awkwardText, async (first, second) => {
        const seen = await expectSame(async (speaker) => {
          await speaker.appendSummary(first);
          await speaker.appendSummary(second);
        });
        expect(seen.files.GITHUB_STEP_SUMMARY).toBe(`${first}\n${second}\n`);
      }),
      { numRuns: 30 },
    );
  });

  it('inputs are read from INPUT_<NAME> (spaces as _, upper case), trimmed; state from STATE_<key>', async () => {
    const env = { 'INPUT_DRY-RUN': '  true \n', INPUT_TAG_PATTERN: ' v* ', STATE_registry: ' x ' };
    await expectSame(
      (speaker) =>
        ['dry-run', 'tag pattern', 'missing', 'Dry-Run'].map((input) => speaker.input(input)).join('|') +
        `|${speaker.getState('registry')}|${speaker.getState('missing')}`,
      { env },
    );
  });

  it('a command file that is gone, or a summary file that cannot be written, fails as the toolkit fails', async () => {
    for (const variable of ['GITHUB_OUTPUT', 'GITHUB_ENV', 'GITHUB_STATE']) {
      const seen = await expectSame((speaker) => {
        process.env[variable] = join(dir, 'no-such-file');
        speaker.setOutput('a', '1');
        speaker.exportVariable('VALUE', '1');
        speaker.saveState('a', '1');
      });
      expect(seen.error).toBe(`Error: Missing file at path: ${join(dir, 'no-such-file')}`);
    }
    const summary = await expectSame(async (speaker) => {
      process.env.GITHUB_STEP_SUMMARY = join(dir, 'no-such-dir', 'summary.md');
      await speaker.appendSummary('text');
    });
    expect(summary.error).toContain('Unable to access summary file');
  });
});
