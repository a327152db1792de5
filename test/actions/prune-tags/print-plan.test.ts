import { describe, expect, it } from 'vitest';
import { tagColumnWidth } from '../../../src/actions/prune-tags/print-plan.ts';
import { TagTable } from '../../../src/providers/seam/tag-table.ts';
import { tag } from './tag-fixtures.ts';

const names = (...list: string[]) => TagTable.of(list.map((name) => tag(name, 1)));

describe('tagColumnWidth', () => {
  it('is the longest tag name, at least 3 and at most 40 (in UTF-16 units, as padEnd counts)', () => {
    expect(tagColumnWidth(names('v1', 'build-12'))).toBe(8);
    expect(tagColumnWidth(names('a'))).toBe(3);
    expect(tagColumnWidth(names('x'.repeat(90)))).toBe(40);
    expect(tagColumnWidth(names('réglé-✓'))).toBe(7);
  });

  it('measures a table of a million tags', () => {
    const many = TagTable.of(Array.from({ length: 1_000_000 }, (_, i) => tag(`build-${i}`, 1)));
    expect(tagColumnWidth(many)).toBe('build-999999'.length);
  });
});
