import { describe, expect, it } from 'vitest';
import type { Decision } from '../../../src/actions/prune-tags/plan.ts';
import { tagColumnWidth } from '../../../src/actions/prune-tags/print-plan.ts';
import { tag } from './tag-fixtures.ts';

const decision = (name: string): Decision => ({ tag: tag(name, 1), verdict: 'keep', reason: 'kept' });

describe('tagColumnWidth', () => {
  it('is the longest tag name, at least 3 and at most 40', () => {
    expect(tagColumnWidth([decision('v1'), decision('build-12')])).toBe(8);
    expect(tagColumnWidth([decision('a')])).toBe(3);
    expect(tagColumnWidth([decision('x'.repeat(90))])).toBe(40);
  });

  it('measures a plan of a million tags (more than any argument list holds)', () => {
    const many = Array.from({ length: 1_000_000 }, (_, i) => decision(`build-${i}`));
    expect(tagColumnWidth(many)).toBe('build-999999'.length);
  });
});
