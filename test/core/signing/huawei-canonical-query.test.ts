import { describe, expect, it } from 'vitest';
import { huaweiCanonicalQuery } from '../../../src/core/signing/huawei-canonical-query.ts';

describe('huaweiCanonicalQuery', () => {
  it('is empty without parameters', () => {
    expect(huaweiCanonicalQuery([])).toBe('');
  });

  it('encodes SWR filter separators | and ::', () => {
    expect(huaweiCanonicalQuery([['filter', 'namespace::team|mode::visible']])).toBe(
      'filter=namespace%3A%3Ateam%7Cmode%3A%3Avisible',
    );
  });

  it('sorts keys by code unit, then the values of a repeated key', () => {
    const query = [
      ['tag', 'v2'],
      ['b', '1'],
      ['tag', 'v10'],
      ['B', '2'],
    ] as const;
    expect(huaweiCanonicalQuery(query)).toBe('B=2&b=1&tag=v10&tag=v2');
  });

  it('keeps empty values as key=', () => {
    expect(huaweiCanonicalQuery([['name', '']])).toBe('name=');
  });

  it('encodes keys and unicode values', () => {
    expect(huaweiCanonicalQuery([['a b', '中 +']])).toBe('a%20b=%E4%B8%AD%20%2B');
  });
});
