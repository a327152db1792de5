import { describe, expect, it } from 'vitest';
import { baiduCanonicalHeaders } from '../../../src/core/signing/baidu-canonical-headers.ts';

describe('baiduCanonicalHeaders', () => {
  it('signs host, content-* defaults and x-bce-*, encoding names and values', () => {
    expect(
      baiduCanonicalHeaders({
        Host: 'ccr.bj.baidubce.com',
        'x-bce-date': '2024-05-06T07:08:09Z',
        'Content-Type': 'application/json; charset=utf-8',
        'User-Agent': 'registry-actions',
      }),
    ).toEqual({
      canonical:
        'content-type:application%2Fjson%3B%20charset%3Dutf-8\nhost:ccr.bj.baidubce.com\nx-bce-date:2024-05-06T07%3A08%3A09Z',
      signedHeaders: ['content-type', 'host', 'x-bce-date'],
    });
  });

  it('trims values and skips empty ones', () => {
    expect(baiduCanonicalHeaders({ host: '  h  ', 'x-bce-empty': '   ' })).toEqual({
      canonical: 'host:h',
      signedHeaders: ['host'],
    });
  });

  it('signs only the listed headers (and x-bce-*) when a list is given', () => {
    expect(
      baiduCanonicalHeaders({ host: 'h', 'content-type': 't', 'x-bce-a': '1' }, ['host']).signedHeaders,
    ).toEqual(['host', 'x-bce-a']);
  });

  it('orders by the whole name:value line, so x-bce-a-b comes before x-bce-a', () => {
    expect(baiduCanonicalHeaders({ 'x-bce-a': '1', 'x-bce-a-b': '2' }).signedHeaders).toEqual([
      'x-bce-a-b',
      'x-bce-a',
    ]);
  });
});
