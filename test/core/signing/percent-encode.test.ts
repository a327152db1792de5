import { describe, expect, it } from 'vitest';
import { percentDecode } from '../../../src/core/signing/percent-decode.ts';
import { percentEncode } from '../../../src/core/signing/percent-encode.ts';

describe('percentEncode', () => {
  it.each([
    ['AZaz09-._~', 'AZaz09-._~'],
    ['$', '%24'],
    ['namespace::team|mode::visible', 'namespace%3A%3Ateam%7Cmode%3A%3Avisible'],
    ["!'()*", '%21%27%28%29%2A'],
    ['a b+c/d', 'a%20b%2Bc%2Fd'],
    ['中', '%E4%B8%AD'],
    ['🚢', '%F0%9F%9A%A2'],
    ['%', '%25'],
    ['', ''],
  ])('encodes %j as %j', (input, expected) => {
    expect(percentEncode(input)).toBe(expected);
  });
});

describe('percentDecode', () => {
  it('decodes a wire segment', () => {
    expect(percentDecode('%E4%B8%AD%24a')).toBe('中$a');
  });

  it('keeps a malformed sequence literally', () => {
    expect(percentDecode('50%off')).toBe('50%off');
  });
});
