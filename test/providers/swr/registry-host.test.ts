import { describe, expect, it } from 'vitest';
import { swrHostInputs, swrRegistryHost } from '../../../src/providers/swr/registry-host.ts';

describe('swrRegistryHost', () => {
  it('is swr.<region>.myhuaweicloud.com, not the swr-api host', () => {
    expect(swrRegistryHost('cn-north-4')).toBe('swr.cn-north-4.myhuaweicloud.com');
    expect(swrRegistryHost('ap-southeast-1')).toBe('swr.ap-southeast-1.myhuaweicloud.com');
  });
});

describe('swrHostInputs', () => {
  it.each([
    ['swr.cn-north-4.myhuaweicloud.com', 'cn-north-4'],
    ['swr.ap-southeast-1.myhuaweicloud.com', 'ap-southeast-1'],
    ['swr.la-north-2.myhuaweicloud.com', 'la-north-2'],
  ])('reads the region of %s', (host, region) => {
    expect(swrHostInputs(host)).toEqual({ region });
  });

  it.each([
    'swr-api.cn-north-4.myhuaweicloud.com',
    'swr.cn-north-4.myhuaweicloud.com.evil.example',
    'swr.myhuaweicloud.com',
    'swr.cn-north-4.myhuaweicloud.com:5000',
    'registry.example.com',
    'ccr-abc123-pub.cnc.bj.baidubce.com',
  ])('does not recognize %s', (host) => {
    expect(swrHostInputs(host)).toBeUndefined();
  });
});
