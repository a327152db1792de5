import { describe, expect, it } from 'vitest';
import {
  compileTagPatterns,
  everyTagWarnings,
  firstMatch,
} from '../../../src/actions/prune-tags/tag-patterns.ts';
import { InputError } from '../../../src/core/errors/errors.ts';

const matches = (pattern: string, syntax: 'glob' | 'regex', tags: string[]) => {
  const patterns = compileTagPatterns('include', [pattern], syntax);
  return tags.filter((tag) => firstMatch(patterns, tag));
};

describe('glob tag patterns (use-regex: false)', () => {
  it('match the whole tag: pr-1 is only pr-1, v* only tags starting with v', () => {
    const tags = ['pr-1', 'pr-12-abc', 'pr-1-abc', 'v1.0', 'latest', 'dev'];
    expect(matches('pr-1', 'glob', tags)).toEqual(['pr-1']);
    expect(matches('pr-1-*', 'glob', tags)).toEqual(['pr-1-abc']);
    expect(matches('v*', 'glob', tags)).toEqual(['v1.0']);
    expect(matches('?ev', 'glob', tags)).toEqual(['dev']);
    expect(matches('v1.0', 'glob', ['v1x0'])).toEqual([]);
  });

  it('refuse a character no tag can hold, pointing at use-regex', () => {
    expect(() => compileTagPatterns('include', ['pr-*', '^pr-1-'], 'glob')).toThrow(InputError);
    expect(() => compileTagPatterns('include', ['pr-*', '^pr-1-'], 'glob')).toThrow(
      /^Input 'include' line 2 "\^pr-1-" is a glob pattern \(use-regex is false\) and holds "\^".*set use-regex: true/,
    );
  });
});

describe('regular-expression tag patterns (use-regex: true)', () => {
  it('match anywhere in the tag unless anchored', () => {
    expect(matches('pr-1', 'regex', ['pr-1', 'pr-12-abc', 'xpr-1'])).toEqual(['pr-1', 'pr-12-abc', 'xpr-1']);
    expect(matches('^pr-1$', 'regex', ['pr-1', 'pr-12-abc'])).toEqual(['pr-1']);
  });

  it('name the input and line of an invalid expression', () => {
    expect(() => compileTagPatterns('exclude', ['ok', '[unclosed'], 'regex')).toThrow(
      /^Input 'exclude' line 2 is not a valid regular expression: \[unclosed \(/,
    );
  });
});

describe('comments and whitespace in tag patterns', () => {
  it('drops a comment after whitespace, as entries does, so it never becomes part of the pattern', () => {
    const [latest] = compileTagPatterns('keep', ['latest  # never delete latest'], 'glob');
    expect(latest?.source).toBe('latest');
    expect(latest?.regex.test('latest')).toBe(true);
  });

  it('refuses whitespace left in a pattern, naming the input, line and what to write', () => {
    expect(() => compileTagPatterns('keep', ['^v1', '^latest $'], 'regex')).toThrow(
      /^Input 'keep' line 2 holds whitespace: "\^latest \$"\. Tag names never contain whitespace/,
    );
  });
});

describe('everyTagWarnings', () => {
  it('warns of each pattern that matches the empty string, saying what it does to the run', () => {
    expect(everyTagWarnings('keep', compileTagPatterns('keep', ['v*', '^v\\d'], 'regex'))).toEqual([
      "Input 'keep' pattern /v*/ matches the empty string, and a regular expression matches anywhere in a tag " +
        'unless anchored with ^ and $, so keep keeps every tag and nothing is deleted.',
    ]);
    expect(everyTagWarnings('exclude', compileTagPatterns('exclude', ['*', 'v*'], 'glob'))).toEqual([
      "Input 'exclude' pattern * is only *, so exclude takes every tag out of consideration and nothing is deleted.",
    ]);
  });
});
