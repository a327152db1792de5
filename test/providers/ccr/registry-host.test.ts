import { describe, expect, it } from 'vitest';
import { ccrHostInputs, ccrInstanceRegistryHost } from '../../../src/providers/ccr/registry-host.ts';

describe('ccrInstanceRegistryHost', () => {
  const detail = {
    info: {
      publicURL: 'https://CCR-x-pub.cnc.bj.baidubce.com/',
      privateURL: 'ccr-x-vpc.cnc.bj.baidubce.com',
    },
  };

  it('reads the domain for the access asked for, as a docker config key', () => {
    expect(ccrInstanceRegistryHost(detail, 'public')).toBe('ccr-x-pub.cnc.bj.baidubce.com');
    expect(ccrInstanceRegistryHost(detail, 'private')).toBe('ccr-x-vpc.cnc.bj.baidubce.com');
  });

  it('is undefined when the instance reports no such domain', () => {
    expect(ccrInstanceRegistryHost({ info: { publicURL: 'ccr-x-pub.example' } }, 'private')).toBeUndefined();
    expect(ccrInstanceRegistryHost({}, 'public')).toBeUndefined();
  });
});

describe('ccrHostInputs', () => {
  it('reads instance, region and access from an instance domain', () => {
    expect(ccrHostInputs('ccr-4k74gw7d-pub.cnc.bj.baidubce.com')).toEqual({
      'instance-id': 'ccr-4k74gw7d',
      region: 'bj',
      'registry-access': 'public',
    });
    expect(ccrHostInputs('ccr-4k74gw7d-vpc.cnc.gz.baidubce.com')).toEqual({
      'instance-id': 'ccr-4k74gw7d',
      region: 'gz',
      'registry-access': 'private',
    });
  });

  it('recognizes the personal edition registry without instance or region', () => {
    expect(ccrHostInputs('registry.baidubce.com')).toEqual({});
  });

  it.each([
    'ccr-4k74gw7d-pub.cnc.bj.baidubce.com.evil.example',
    'ccr-4k74gw7d-www.cnc.bj.baidubce.com',
    'ccr-4k74gw7d-pub.cnc.bj.baidubce.com:443',
    'ccr.bj.baidubce.com',
    'swr.cn-north-4.myhuaweicloud.com',
  ])('does not recognize %s', (host) => {
    expect(ccrHostInputs(host)).toBeUndefined();
  });
});
