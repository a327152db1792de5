import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ccrNamespaceProblems } from '../../src/providers/ccr/name-rules.ts';
import { swrNamespaceProblems, swrRepositoryProblems } from '../../src/providers/swr/name-rules.ts';

describe('swrNamespaceProblems', () => {
  it.each(['a', 'team', 'team-a', 'team.a', 'team__a', 'a1', 'x'.repeat(64), 'a_b-c.d9'])(
    'accepts %s',
    (name) => {
      expect(swrNamespaceProblems(name)).toEqual([]);
    },
  );

  it.each([
    ['', 'must be 1 to 64 characters long, got 0'],
    ['x'.repeat(65), 'must be 1 to 64 characters long, got 65'],
    ['1team', 'must start with a lowercase letter'],
    ['-team', 'must start with a lowercase letter'],
    ['team-', 'must end with a lowercase letter or digit'],
    ['Team', 'may contain only lowercase letters, digits, ".", "_" and "-", got "T"'],
    ['te/am', 'may contain only lowercase letters, digits, ".", "_" and "-", got "/"'],
    ['te-.am', 'has "-.": separators (._-) may not stand next to each other, except "__"'],
    ['te--am', 'has "--": separators (._-) may not stand next to each other, except "__"'],
    ['te___am', 'has "___": at most two underscores may stand together'],
  ])('rejects %j: %s', (name, problem) => {
    expect(swrNamespaceProblems(name)).toContain(problem);
  });

  it('names every rule a name breaks at once', () => {
    expect(swrNamespaceProblems('9Ab--')).toHaveLength(4);
  });

  it('accepts every name built from the allowed pattern', () => {
    const word = fc.stringMatching(/^[a-z0-9]{1,5}$/);
    const separator = fc.constantFrom('.', '_', '-', '__');
    const name = fc
      .tuple(fc.stringMatching(/^[a-z]{1,3}$/), fc.array(fc.tuple(separator, word), { maxLength: 5 }))
      .map(([head, rest]) => head + rest.map(([s, w]) => s + w).join(''));
    fc.assert(fc.property(name, (n) => swrNamespaceProblems(n).length === 0));
  });
});

describe('swrRepositoryProblems', () => {
  it.each(['app', '1app', 'tools/cli', 'a.b/c_d', 'x__y'])('accepts %s', (name) => {
    expect(swrRepositoryProblems(name)).toEqual([]);
  });

  it.each([
    ['/app', 'must start with a lowercase letter or digit'],
    ['app/', 'must end with a lowercase letter or digit'],
    ['a//b', 'has "//": separators (./_-) may not stand next to each other, except "__"'],
    ['App', 'may contain only lowercase letters, digits, ".", "/", "_" and "-", got "A"'],
  ])('rejects %j: %s', (name, problem) => {
    expect(swrRepositoryProblems(name)).toContain(problem);
  });
});

describe('ccrNamespaceProblems', () => {
  it.each(['team', '1team', 'a.b-c_d', 'a1'])('accepts %s', (name) => {
    expect(ccrNamespaceProblems(name)).toEqual([]);
  });

  it.each([
    ['123', 'must not consist of digits only'],
    ['_team', 'must not start with ".", "_" or "-"'],
    ['team.', 'must not end with ".", "_" or "-"'],
    ['Team', 'may contain only lowercase letters, digits, ".", "_" and "-", got "T"'],
    ['', 'must not be empty'],
  ])('rejects %j: %s', (name, problem) => {
    expect(ccrNamespaceProblems(name)).toContain(problem);
  });
});
