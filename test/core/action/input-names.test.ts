import { describe, expect, it } from 'vitest';
import { inputLabel, quoteInputs } from '../../../src/core/action/input-names.ts';

describe('inputLabel', () => {
  it.each([
    [['namespace'], "Input 'namespace'"],
    [['username', 'password'], "Inputs 'username' and 'password'"],
    [
      ['iam-username', 'iam-password', 'iam-domain'],
      "Inputs 'iam-username', 'iam-password' and 'iam-domain'",
    ],
  ])('names %j as %s', (names, label) => {
    expect(inputLabel(names)).toBe(label);
  });
});

describe('quoteInputs', () => {
  it('quotes each name and joins the last with "and"', () => {
    expect(quoteInputs(['a', 'b', 'c'])).toBe("'a', 'b' and 'c'");
    expect(quoteInputs(['a'])).toBe("'a'");
    expect(quoteInputs([])).toBe('');
  });
});
