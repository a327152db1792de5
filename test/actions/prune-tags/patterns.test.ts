import { describe, expect, it } from 'vitest';
import {
  compileTagPatterns,
  globToRegExp,
  isGlob,
  selectRepositories,
} from '../../../src/actions/prune-tags/patterns.ts';
import { InputError } from '../../../src/core/errors/errors.ts';

describe('compileTagPatterns', () => {
  it('compiles one regular expression per line', () => {
    const [latest, semver] = compileTagPatterns('keep', ['^latest$', '^v\\d+$']);
    expect(latest?.regex.test('latest')).toBe(true);
    expect(semver?.regex.test('v12')).toBe(true);
    expect(semver?.source).toBe('^v\\d+$');
  });

  it('drops a comment after whitespace, as entries does, so it never becomes part of the pattern', () => {
    const [latest] = compileTagPatterns('keep', ['^latest$  # never delete latest']);
    expect(latest?.source).toBe('^latest$');
    expect(latest?.regex.test('latest')).toBe(true);
  });

  it('refuses whitespace left in a pattern, naming the input, line and what to write', () => {
    expect(() => compileTagPatterns('keep', ['^v1', '^latest $'])).toThrow(
      /^Input 'keep' line 2 holds whitespace: "\^latest \$"\. Tag names never contain whitespace/,
    );
  });

  it('names the input and line of an invalid expression', () => {
    expect(() => compileTagPatterns('exclude', ['ok', '[unclosed'])).toThrow(InputError);
    expect(() => compileTagPatterns('exclude', ['ok', '[unclosed'])).toThrow(
      /^Input 'exclude' line 2 is not a valid regular expression: \[unclosed \(/,
    );
  });
});

describe('repository globs', () => {
  it('matches * across slashes and ? as one character, anchored', () => {
    expect(globToRegExp('team/*').test('team/app/web')).toBe(true);
    expect(globToRegExp('app-?').test('app-1')).toBe(true);
    expect(globToRegExp('app-?').test('app-10')).toBe(false);
    expect(globToRegExp('a.b').test('axb')).toBe(false);
    expect(isGlob('*')).toBe(true);
    expect(isGlob('app')).toBe(false);
  });

  it('selects matching names plus literal names, sorted without duplicates', () => {
    const available = ['web', 'api', 'tools/lint', 'worker'];
    expect(selectRepositories(['w*', 'web', 'missing'], available)).toEqual(['missing', 'web', 'worker']);
    expect(selectRepositories(['*'], available)).toEqual(['api', 'tools/lint', 'web', 'worker']);
  });
});
