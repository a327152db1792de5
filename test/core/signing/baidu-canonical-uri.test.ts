import { describe, expect, it } from 'vitest';
import { baiduCanonicalUri } from '../../../src/core/signing/baidu-canonical-uri.ts';

describe('baiduCanonicalUri', () => {
  it.each([
    ['/v1/ccr/projects', '/v1/ccr/projects'],
    ['/v1/ccr/projects/', '/v1/ccr/projects/'],
    ['/', '/'],
    ['', '/'],
    ['/v1/x/group$app', '/v1/x/group%24app'],
    ['/v1/%E9%95%9C%E5%83%8F', '/v1/%E9%95%9C%E5%83%8F'],
    ['/v1/a:b@c=d', '/v1/a%3Ab%40c%3Dd'],
    ['/v1/a%2Fb', '/v1/a%2Fb'],
  ])('%j → %s', (pathname, expected) => {
    expect(baiduCanonicalUri(pathname)).toBe(expected);
  });
});
