import { describe, expect, it } from 'vitest';
import { planPrune } from '../../../src/actions/prune-tags/plan.ts';
import {
  formatBytes,
  ROWS_PER_REPOSITORY,
  summaryMarkdown,
} from '../../../src/actions/prune-tags/summary.ts';
import { code, md } from '../../../src/core/output/markdown.ts';
import { renderedMarkdown } from '../../support/rendered-markdown.ts';
import { rules, START, tag } from './tag-fixtures.ts';

const summaryMarkdownText = (input: Parameters<typeof summaryMarkdown>[0]) =>
  renderedMarkdown(summaryMarkdown(input));

describe('summaryMarkdown', () => {
  it('shows totals, then deletions before kept tags, with reasons and results', () => {
    const tags = [tag('latest', 1), tag('ci|1', 40, 'sha256:ci1', 2048), tag('ci-2', 41)];
    const plans = [{ repository: 'web', plan: planPrune(tags, rules({ keepLast: 1 }), START) }];
    const markdown = summaryMarkdownText({
      namespace: 'team',
      plans,
      results: [
        { repository: 'web', tag: tags[1]!, outcome: 'deleted' },
        { repository: 'web', tag: tags[2]!, outcome: 'failed', error: 'SWR → 500' },
      ],
      status: 'Deleted 1 tags; 1 failed.',
      dryRun: false,
      rules: [md`include every tag`, md`keep-last 1`],
      notes: [],
    });
    expect(markdown).toContain('| web | 3 | 1 | 0 | 2 | 1 |');
    expect(markdown).toContain('| **total** | **3** | **1** | **0** | **2** | **1** |');
    expect(markdown).toContain('Deleted: 1 tag, reclaiming up to **2.0 KiB**.');
    const rows = markdown.split('\n').filter((line) => line.startsWith('| `'));
    expect(rows).toEqual([
      '| `ci\\|1` | deleted | not among the newest 1 | 2025-04-22T00:00:00Z | 2.0 KiB |',
      '| `ci-2` | **failed**: SWR → 500 | not among the newest 1 | 2025-04-21T00:00:00Z | 100 B |',
      '| `latest` | kept | kept: among the newest 1 (keep-last) | 2025-05-31T00:00:00Z | 100 B |',
    ]);
  });

  it('marks refused and unattempted deletions without repeating the refusal per tag', () => {
    const tags = [tag('latest', 1), tag('ci-1', 40), tag('ci-2', 41)];
    const plans = [{ repository: 'web', plan: planPrune(tags, rules({ keepLast: 1 }), START) }];
    const markdown = summaryMarkdownText({
      namespace: 'team',
      plans,
      results: [
        {
          repository: 'web',
          tag: tags[1]!,
          outcome: 'failed',
          error: 'SWR → 403 "denied". Check it.',
          status: 403,
        },
        { repository: 'web', tag: tags[2]!, outcome: 'not-attempted' },
      ],
      status: 'Stopped after the registry refused the credentials (403) deleting web:ci-1.',
      dryRun: false,
      rules: [md`include every tag`, md`keep-last 1`],
      notes: [],
    });
    expect(markdown).toContain('Deleted: no tags.');
    expect(markdown).not.toContain('reclaiming');
    const rows = markdown.split('\n').filter((line) => line.startsWith('| `ci'));
    expect(rows).toEqual([
      '| `ci-1` | **refused** (403) | not among the newest 1 | 2025-04-22T00:00:00Z | 100 B |',
      '| `ci-2` | not attempted | not among the newest 1 | 2025-04-21T00:00:00Z | 100 B |',
    ]);
  });

  it('truncates large repositories but always shows the totals', () => {
    const tags = Array.from({ length: 300 }, (_, i) => tag(`t${i}`, i + 1));
    const plans = [{ repository: 'big', plan: planPrune(tags, rules({ keepLast: 10 }), START) }];
    const markdown = summaryMarkdownText({
      namespace: 'team',
      plans,
      results: [],
      status: 'Dry run.',
      dryRun: true,
      rules: [],
      notes: [],
    });
    expect(markdown.split('\n').filter((line) => line.startsWith('| `'))).toHaveLength(ROWS_PER_REPOSITORY);
    expect(markdown).toContain(
      `… and ${300 - ROWS_PER_REPOSITORY} more decisions (every decision is in the step log).`,
    );
    expect(markdown).toContain('| **total** | **300** | **10** | **0** | **290** | **0** |');
    expect(markdown).toContain('| would delete |');
    expect(markdown).toContain('Dry run: would delete 290 tags, reclaiming up to **28.3 KiB**.');
  });

  it('starts with the rules in effect and the run’s warnings, in the style every action shares', () => {
    const tags = [tag('latest', 1), tag('pr-1-a', 40)];
    const plans = [
      { repository: 'web', plan: planPrune(tags, rules({ keepLast: 0, include: ['^pr-'] }), START) },
    ];
    const markdown = summaryMarkdownText({
      namespace: 'team',
      plans,
      results: [],
      status: 'Dry run: nothing was deleted; the plan deletes 1 tag.',
      dryRun: true,
      rules: [md`include ${code('pr-*')}`, md`keep-last 0 (no count rule)`],
      notes: ["Input 'keep' pattern <b>x|y</b> matched every tag."],
    });
    expect(markdown.split('\n').slice(0, 4)).toEqual([
      '## prune-tags: team',
      'Dry run: nothing was deleted; the plan deletes 1 tag.',
      'Rules: include `pr-*` · keep-last 0 (no count rule).',
      "- ⚠️ Input 'keep' pattern <b>x|y</b> matched every tag.",
    ]);
  });
});

describe('formatBytes', () => {
  it('uses binary units', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatBytes(5 * 1024 ** 3)).toBe('5.0 GiB');
  });
});
