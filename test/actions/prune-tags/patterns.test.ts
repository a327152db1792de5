import { describe, expect, it } from 'vitest';
import { globToRegExp, isGlob, selectRepositories } from '../../../src/actions/prune-tags/patterns.ts';

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
