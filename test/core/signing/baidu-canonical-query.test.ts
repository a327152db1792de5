import { describe, expect, it } from 'vitest';
import { baiduCanonicalQuery } from '../../../src/core/signing/baidu-canonical-query.ts';

describe('baiduCanonicalQuery', () => {
  it('is empty without parameters', () => {
    expect(baiduCanonicalQuery([])).toBe('');
  });

  it('sorts the encoded key=value strings, so a- sorts before a=', () => {
    expect(
      baiduCanonicalQuery([
        ['a', '1'],
        ['a-b', '2'],
        ['B', '3'],
      ]),
    ).toBe('B=3&a-b=2&a=1');
  });

  it('skips an authorization parameter', () => {
    expect(
      baiduCanonicalQuery([
        ['Authorization', 'x'],
        ['pageNo', '1'],
      ]),
    ).toBe('pageNo=1');
  });

  it('encodes keys and values, keeps empty values and repeated keys', () => {
    expect(
      baiduCanonicalQuery([
        ['key word', 'id|name'],
        ['tag', 'b'],
        ['tag', 'a'],
        ['tagName', ''],
      ]),
    ).toBe('key%20word=id%7Cname&tag=a&tag=b&tagName=');
  });
});
