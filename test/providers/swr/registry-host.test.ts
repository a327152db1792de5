import { describe, expect, it } from 'vitest';
import { swrRegistryHost } from '../../../src/providers/swr/registry-host.ts';

describe('swrRegistryHost', () => {
  it('is swr.<region>.myhuaweicloud.com, not the swr-api host', () => {
    expect(swrRegistryHost('cn-north-4')).toBe('swr.cn-north-4.myhuaweicloud.com');
    expect(swrRegistryHost('ap-southeast-1')).toBe('swr.ap-southeast-1.myhuaweicloud.com');
  });
});
