import { describe, expect, it } from 'vitest';
import {
  checkDifferences,
  formatPlan,
  summaryMarkdown as markdownOf,
  type RunReport,
  reportedChanges,
} from '../../../src/actions/ensure-namespace/report.ts';

import type { NamespacePlan } from '../../../src/providers/seam/namespaces.ts';
import type { SwrChange } from '../../../src/providers/swr/ensure-namespace/changes.ts';
import { renderedMarkdown } from '../../support/rendered-markdown.ts';

const plan: NamespacePlan<SwrChange> = {
  changes: [
    { action: 'create namespace', target: 'team', detail: 'does not exist' },
    {
      action: 'create repository',
      target: 'team/app',
      detail: 'public | fast',
      repository: 'app',
      settings: { is_public: true },
    },
  ],
  blockers: [],
  drift: [],
};

const report = (fields: Partial<RunReport>): RunReport => ({
  namespace: 'team',
  provider: 'swr',
  mode: 'apply',
  plan,
  done: plan.changes,
  created: true,
  registryPath: 'swr.cn-north-4.myhuaweicloud.com/team',
  ...fields,
});

describe('formatPlan', () => {
  it('lists each change, or says nothing is to change', () => {
    expect(formatPlan('team', plan, 'apply')).toEqual([
      'plan (2 changes):',
      '  - create namespace team: does not exist',
      '  - create repository team/app: public | fast',
    ]);
    expect(formatPlan('team', { changes: [], blockers: [], drift: [] }, 'check-only')).toEqual([
      'namespace team is as declared: nothing to change',
    ]);
  });

  it('adds blockers and drift', () => {
    const lines = formatPlan('team', { changes: [], blockers: ['b1'], drift: ['d1'] }, 'apply');
    expect(lines).toContain('blocked: b1');
    expect(lines).toContain('cannot change: d1');
  });
});

/** The summary as its reader sees it. */
const summaryMarkdown = (input: RunReport) => renderedMarkdown(markdownOf(input));

describe('summaryMarkdown', () => {
  it('tables the changes made, escaping pipes, with the registry path', () => {
    const markdown = summaryMarkdown(report({}));
    expect(markdown).toContain('✅ 2 changes made (namespace created).');
    expect(markdown).toContain('| create repository | `team/app` | public \\| fast | done |');
    expect(markdown).toContain('Registry path: `swr.cn-north-4.myhuaweicloud.com/team`');
  });

  it('says would do in a dry run, and differs with a count in check-only mode', () => {
    expect(summaryMarkdown(report({ mode: 'dry-run', done: [] }))).toContain(
      'Dry run: 2 changes would be made; nothing was changed.',
    );
    const gate = summaryMarkdown(report({ mode: 'check-only', done: [], plan: { ...plan, drift: ['vis'] } }));
    expect(gate).toContain('❌ Check only: 3 differences from the declaration.');
    expect(gate).toContain('| create namespace | `team` | does not exist | differs |');
    expect(gate).toContain('- vis');
  });

  it('reports a matching registry in check-only mode', () => {
    const empty = { changes: [], blockers: [], drift: [] };
    expect(summaryMarkdown(report({ mode: 'check-only', plan: empty, done: [] }))).toContain(
      '✅ Check only: the registry matches the declaration.',
    );
  });
});

describe('reportedChanges', () => {
  it('lists what was done in apply mode and what would be done otherwise, without executor data', () => {
    expect(reportedChanges(report({ done: [plan.changes[0]!] }))).toEqual([
      { action: 'create namespace', target: 'team', detail: 'does not exist' },
    ]);
    expect(reportedChanges(report({ mode: 'dry-run', done: [] }))[1]).toEqual({
      action: 'create repository',
      target: 'team/app',
      detail: 'public | fast',
    });
  });
});

describe('checkDifferences', () => {
  it('counts changes, drift and blockers', () => {
    expect(checkDifferences({ ...plan, drift: ['d'], blockers: ['b'] })).toHaveLength(4);
  });
});
