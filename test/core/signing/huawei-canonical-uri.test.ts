import { describe, expect, it } from 'vitest';
import { huaweiCanonicalUri } from '../../../src/core/signing/huawei-canonical-uri.ts';

describe('huaweiCanonicalUri', () => {
  it.each([
    ['/v2/manage/namespaces', '/v2/manage/namespaces/'],
    ['/v2/manage/namespaces/', '/v2/manage/namespaces/'],
    ['/', '/'],
    ['/v2/manage/namespaces/team/repos/group$app/tags', '/v2/manage/namespaces/team/repos/group%24app/tags/'],
    ['/v2/manage/namespaces/team/repos/group%24app', '/v2/manage/namespaces/team/repos/group%24app/'],
    ['/v2/%E9%95%9C%E5%83%8F', '/v2/%E9%95%9C%E5%83%8F/'],
    ['/v2/a:b@c', '/v2/a%3Ab%40c/'],
    ['/v2/a%2Fb', '/v2/a%2Fb/'],
    ['/v2/50%25off', '/v2/50%25off/'],
  ])('%s → %s', (pathname, expected) => {
    expect(huaweiCanonicalUri(pathname)).toBe(expected);
  });
});
