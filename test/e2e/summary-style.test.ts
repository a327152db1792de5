// Every action's job summary reads alike: one `## <action>: <subject>` heading, then `###` sections,
// Markdown lists and tables, no hand-written HTML headings or tables. Run from dist/ against the emulator.
import { describe, expect, it } from 'vitest';
import { startEmulator } from '../emulator/index.ts';
import { runStep, type StepResult } from '../harness/runner.ts';
import { closedAfterEach } from '../support/closed-after-each.ts';
import { swrEmulatorInputs } from '../support/emulator-inputs.ts';
import { renderedMarkdown } from '../support/rendered-markdown.ts';
import { fixturesClosedAfterEach, step as syncWhitelistStep } from './sync-whitelist-support.ts';

const emulatorForTest = closedAfterEach(startEmulator);
const startFixture = fixturesClosedAfterEach();
const old = new Date(Date.now() - 40 * 24 * 3_600_000).toISOString();

/** Runs one action with its usual inputs against a fresh emulator; the step's result. */
const runs: Record<string, () => Promise<StepResult>> = {
  login: async () => {
    const e = await emulatorForTest();
    return runStep({ action: 'login', inputs: swrEmulatorInputs(e.url) });
  },
  'ensure-namespace': async () => {
    const e = await emulatorForTest();
    return runStep({
      action: 'ensure-namespace',
      inputs: { ...swrEmulatorInputs(e.url), namespace: 'team-a', repositories: 'web' },
    });
  },
  'prune-tags': async () => {
    const tags = ['ci-1', 'ci-2'].map((tag, i) => ({
      tag,
      digest: `sha256:${i}`,
      size: 1,
      created: old,
      updated: old,
    }));
    const e = await emulatorForTest({
      seed: { swr: { namespaces: [{ name: 'team', repositories: [{ name: 'web', tags }] }] } },
    });
    return runStep({
      action: 'prune-tags',
      inputs: {
        ...swrEmulatorInputs(e.url),
        namespace: 'team',
        repositories: 'web',
        include: 'ci-*',
        'dry-run': 'true',
      },
    });
  },
  'sync-whitelist': async () => syncWhitelistStep(await startFixture(), { entries: '203.0.113.0/24' }),
};

describe('job summaries', () => {
  it.each(Object.keys(runs))('%s writes the shared Markdown style', async (action) => {
    const result = await runs[action]!();
    expect(result.exitCode, result.log).toBe(0);
    const source = result.summary;
    const lines = source.split('\n').filter((line) => line.trim() !== '');
    expect(lines[0]).toMatch(new RegExp(`^## ${action}: \\S`));
    // One top heading; anything below it is a ### section.
    const headings = lines.filter((line) => /^#+ /.test(line));
    expect(headings.slice(1).filter((line) => !line.startsWith('### '))).toEqual([]);
    expect(source).not.toMatch(/<\/?(h[1-6]|table|tr|td|th|br|b|strong|p)\b/i);
    // Tables are Markdown tables, rendered as such.
    expect(source).toMatch(/^\|(?:---\|)+$/m);
    expect(renderedMarkdown(source).split('\n')[0]).toMatch(new RegExp(`^## ${action}: \\S`));
  });
});
