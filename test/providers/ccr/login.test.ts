import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/core/errors/errors.ts';
import { chooseCcrRegistry } from '../../../src/providers/ccr/temporary-login.ts';

describe('chooseCcrRegistry', () => {
  const detail = {
    info: { publicURL: 'ccr-x-pub.cnc.bj.baidubce.com', privateURL: 'ccr-x-vpc.cnc.bj.baidubce.com' },
  };

  it.each([
    ['public', 'ccr-x-pub.cnc.bj.baidubce.com'],
    ['private', 'ccr-x-vpc.cnc.bj.baidubce.com'],
  ] as const)('%s access → %s', (access, host) => {
    expect(chooseCcrRegistry(detail, access, 'ccr-x')).toBe(host);
  });

  it('names the custom domains when the wanted domain is missing', () => {
    const call = () =>
      chooseCcrRegistry(
        { info: { customDomains: [{ domainName: 'registry.example.com' }] } },
        'private',
        'ccr-x',
      );
    expect(call).toThrow(InputError);
    expect(call).toThrow(
      /^Input 'registry-access' is private, but instance ccr-x reports no private registry domain/,
    );
    expect(call).toThrow('Its custom domains: registry.example.com');
  });
});
