// prune-tags as a user coming from other cleanup actions meets it: glob tag patterns by default, regular
// expressions on request, warnings for patterns that match every tag or select none, an error for a
// namespace that does not exist, and keep-last off unless set, with every rule named in the summary.
import { describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from '../emulator/index.ts';
import { runStep, type StepResult } from '../harness/runner.ts';
import { closedAfterEach } from '../support/closed-after-each.ts';
import { swrEmulatorInputs } from '../support/emulator-inputs.ts';
import { renderedMarkdown } from '../support/rendered-markdown.ts';

const emulatorForTest = closedAfterEach(startEmulator);
const DAY = 86_400_000;
const TAG_NAMES = ['pr-1', 'pr-1-a1b2c3', 'pr-12-d4e5f6', 'v1.0.0', 'v2.0.0', 'latest', 'dev'];

function start(): Promise<Emulator> {
  const tags = TAG_NAMES.map((tag, i) => {
    const time = new Date(Date.now() - (i + 2) * DAY).toISOString();
    return { tag, digest: `sha256:${i}`, size: 1000, created: time, updated: time };
  });
  return emulatorForTest({
    seed: { swr: { namespaces: [{ name: 'team', repositories: [{ name: 'web', tags }] }] } },
  });
}

function prune(e: Emulator, inputs: Record<string, string>): Promise<StepResult> {
  return runStep({
    action: 'prune-tags',
    inputs: { ...swrEmulatorInputs(e.url), namespace: 'team', repositories: 'web', ...inputs },
  });
}

const left = (e: Emulator) =>
  [...(e.state.swrNamespaces.get('team')?.repositories.get('web')?.tags.keys() ?? [])].sort();
const writes = (e: Emulator) => e.requests.filter((r) => r.method !== 'GET');

describe('prune-tags tag patterns', () => {
  it('reads include as a glob matching the whole tag: pr-1 is not pr-12-…, and keep-last is off by default', async () => {
    const e = await start();
    const result = await prune(e, { include: 'pr-1\npr-1-*' });
    expect(result.exitCode, result.log).toBe(0);
    expect(JSON.parse(result.outputs.deleted!).sort()).toEqual(['web:pr-1', 'web:pr-1-a1b2c3']);
    expect(left(e)).toContain('pr-12-d4e5f6');
    expect(renderedMarkdown(result.summary)).toContain(
      'Rules: include `pr-1`, `pr-1-*` · keep-last 0 (no count rule) · older-than none (no age rule) · patterns are globs.',
    );
    expect(result.warnings).toEqual([]);
  });

  it('reads regular expressions, matched anywhere in the tag, with use-regex: true', async () => {
    const e = await start();
    const result = await prune(e, { include: 'pr-1', 'use-regex': 'true', 'dry-run': 'true' });
    expect(result.exitCode, result.log).toBe(0);
    expect(result.log).toMatch(/^would delete pr-12-d4e5f6\s+selected by include$/m);
    expect(result.outputs['planned-count']).toBe('3');
    expect(renderedMarkdown(result.summary)).toContain('patterns are regular expressions');
  });

  it('refuses a regex written where a glob is expected, before any API call', async () => {
    const e = await start();
    const result = await prune(e, { include: '^pr-1-' });
    expect(result.exitCode).toBe(1);
    expect(result.errors).toEqual([
      expect.stringMatching(
        /^Input 'include' line 1 "\^pr-1-" is a glob pattern \(use-regex is false\).*set use-regex: true/,
      ),
    ]);
    expect(e.requests).toEqual([]);
  });

  it('warns when keep matches every tag, whether by matching the empty string or by the listing', async () => {
    const e = await start();
    const regex = await prune(e, { keep: 'v*', 'use-regex': 'true', 'older-than': '1d' });
    expect(regex.exitCode, regex.log).toBe(0);
    expect(regex.warnings).toEqual([
      "Input 'keep' pattern /v*/ matches the empty string, and a regular expression matches anywhere in a tag " +
        'unless anchored with ^ and $, so keep keeps every tag and nothing is deleted.',
    ]);
    expect(regex.outputs['deleted-count']).toBe('0');
    expect(renderedMarkdown(regex.summary)).toContain(
      "- ⚠️ Input 'keep' pattern /v*/ matches the empty string",
    );

    const glob = await prune(e, { exclude: '?*', 'older-than': '1d' });
    expect(glob.warnings).toEqual([
      "Input 'exclude' pattern ?* matched every one of the 7 tags in 1 repository, so nothing could be deleted.",
    ]);
    expect(writes(e)).toEqual([]);
  });

  it('warns of an include pattern that selects no tag, and says how a glob without * matches', async () => {
    const e = await start();
    const result = await prune(e, { include: 'pr-9\npr-1-*', 'dry-run': 'true' });
    expect(result.exitCode, result.log).toBe(0);
    expect(result.warnings).toEqual([
      "Input 'include' pattern pr-9 selected no tag among the 7 tags in 1 repository. A glob without * or ? " +
        'matches only the tag pr-9 itself; pr-9* matches tags starting with it.',
    ]);
    expect(renderedMarkdown(result.summary)).toContain("- ⚠️ Input 'include' pattern pr-9 selected no tag");
  });

  it('fails naming the namespace when it does not exist, instead of matching no repository', async () => {
    const e = await start();
    const result = await prune(e, { namespace: 'teem', repositories: '*', include: 'pr-*' });
    expect(result.exitCode).toBe(1);
    expect(result.errors).toEqual([
      "Input 'namespace': SWR organization teem does not exist, or these credentials cannot see it. " +
        'Check the name (and region / instance-id); nothing was deleted.',
    ]);
    expect(writes(e)).toEqual([]);
  });

  it('names a missing repository of an existing namespace', async () => {
    const e = await start();
    const result = await prune(e, { repositories: 'wbe', include: 'pr-*' });
    expect(result.exitCode).toBe(1);
    expect(result.errors[0]).toMatch(
      /^Repository wbe does not exist in SWR organization team \(.*\)\. Check 'repositories'; nothing was deleted\.$/,
    );
    expect(writes(e)).toEqual([]);
  });
});
