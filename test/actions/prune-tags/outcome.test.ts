import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DeletionResult } from '../../../src/actions/prune-tags/execute.ts';
import { plannedBytes, pruneOutputs, reclaimedBytes } from '../../../src/actions/prune-tags/outcome.ts';
import { planPrune } from '../../../src/actions/prune-tags/plan.ts';
import { rules, START, tag } from './tag-fixtures.ts';

describe('pruneOutputs', () => {
  const tags = [
    tag('new', 1),
    tag('twin', 2, 'sha256:new'),
    tag('old', 40, 'sha256:old', 500),
    tag('older', 50, 'sha256:older', 700),
  ];
  const plans = [{ repository: 'web', plan: planPrune(tags, rules({ keepLast: 1 }), START) }];

  it('reports what was deleted, what failed and the counts of the plan', () => {
    const results: DeletionResult[] = [
      { repository: 'web', tag: tags[2]!, outcome: 'deleted' },
      { repository: 'web', tag: tags[3]!, outcome: 'failed', error: 'boom' },
    ];
    expect(pruneOutputs(plans, results)).toEqual({
      deleted: '["web:old"]',
      'deleted-count': '1',
      'kept-count': '1',
      'protected-count': '1',
      'planned-count': '2',
      failed: '["web:older"]',
      skipped: '[]',
      'reclaimed-bytes': '500',
    });
  });

  it('counts neither as deleted nor as failed a deletion that was not attempted', () => {
    const results: DeletionResult[] = [
      { repository: 'web', tag: tags[2]!, outcome: 'failed', error: 'refused', status: 403 },
      { repository: 'web', tag: tags[3]!, outcome: 'not-attempted' },
    ];
    expect(pruneOutputs(plans, results)).toMatchObject({
      deleted: '[]',
      'deleted-count': '0',
      failed: '["web:old"]',
      skipped: '[]',
      'reclaimed-bytes': '0',
    });
  });

  it('reports nothing deleted on a dry run', () => {
    expect(pruneOutputs(plans, [])).toMatchObject({
      deleted: '[]',
      'deleted-count': '0',
      'planned-count': '2',
    });
  });
});

describe('reclaimedBytes', () => {
  it('counts each deleted image once and skips tags that were already gone', () => {
    const a = tag('a', 40, 'sha256:x', 300);
    const b = tag('b', 40, 'sha256:x', 300);
    const c = tag('c', 40, 'sha256:y', 900);
    expect(
      reclaimedBytes([
        { repository: 'web', tag: a, outcome: 'deleted' },
        { repository: 'web', tag: b, outcome: 'absent' },
        { repository: 'web', tag: c, outcome: 'absent' },
      ]),
    ).toBe(300);
  });
});

describe('plannedBytes', () => {
  const digest = fc.oneof(
    fc.nat({ max: 40 }).map((n) => `sha256:${n.toString(16).padStart(64, '0')}`),
    fc.constantFrom('', 'sha256:short', 'md5:ab'),
  );

  it('counts the size of each digest the plan deletes once, the last in plan order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(digest, fc.nat({ max: 10_000 })), { maxLength: 120 }),
        fc.nat({ max: 30 }),
        (rows, keepLast) => {
          const tags = rows.map(([d, size], i) => tag(`t${i}`, i + 1, d, size));
          const plans = [{ repository: 'web', plan: planPrune(tags, rules({ keepLast }), START) }];
          const last = new Map<string, number>();
          const { plan } = plans[0]!;
          for (let at = 0; at < plan.size; at++) {
            const decision = plan.decision(at);
            if (decision.verdict === 'delete') last.set(decision.tag.digest, decision.tag.size);
          }
          expect(plannedBytes(plans)).toBe([...last.values()].reduce((a, b) => a + b, 0));
        },
      ),
      { numRuns: 300 },
    );
  });
});
