import { describe, expect, it } from 'vitest';
import { ccrInstanceRegistryHost } from '../../../src/providers/ccr/registry-host.ts';

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
