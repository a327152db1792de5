import { afterEach, describe, expect, it } from 'vitest';
import { InputReader } from '../../src/core/action/input-reader.ts';
import { forgetSecrets } from '../../src/core/redact/secrets.ts';
import {
  chooseProvider,
  PROVIDERS,
  recognizeRegistry,
  registryHostForms,
} from '../../src/providers/index.ts';
import type { Provider } from '../../src/providers/seam/provider.ts';
import { inputErrorOf } from '../support/input-error.ts';

afterEach(() => forgetSecrets());

const reader = (inputs: Record<string, string>, env: NodeJS.ProcessEnv = {}) =>
  InputReader.fromRecord(inputs, env);

describe('chooseProvider', () => {
  const loginOnly: Provider = {
    name: 'mini',
    label: 'Mini',
    login: { readTarget: () => ({}) as never, loginInputs: [], hostForms: [], hostInputs: () => undefined },
  };
  const choose = (inputs: Record<string, string>, optional = false) =>
    chooseProvider(reader(inputs), 'login', { action: 'login', table: [...PROVIDERS, loginOnly], optional });

  it('picks the provider the input names, in any case', () => {
    expect(choose({ provider: 'swr' }).name).toBe('swr');
    expect(choose({ provider: 'CCR' }).label).toBe('CCR');
    expect(choose({ provider: 'mini' })).toBe(loginOnly);
  });

  it('refuses an empty or unknown name, listing the providers that offer the capability', () => {
    expect(inputErrorOf(() => choose({})).message).toBe(
      "Input 'provider' is required: one of swr, ccr, mini.",
    );
    expect(inputErrorOf(() => choose({ provider: 'acr' })).message).toBe(
      'Input \'provider\' must be one of swr, ccr, mini, got "acr".',
    );
  });

  it('leaves out providers without the capability', () => {
    const error = inputErrorOf(() =>
      chooseProvider(reader({ provider: 'mini' }), 'login', { action: 'login', table: PROVIDERS }),
    );
    expect(error.message).toBe('Input \'provider\' must be one of swr, ccr, got "mini".');
  });

  it('takes the first capable provider for an optional empty input, and names their scope otherwise', () => {
    expect(choose({}, true).name).toBe('swr');
    expect(inputErrorOf(() => choose({ provider: 'acr' }, true)).message).toBe(
      'Input \'provider\' must be swr, ccr or mini for login (SWR, CCR, Mini only), got "acr".',
    );
  });
});

describe('recognizeRegistry', () => {
  const mini: Provider = {
    name: 'mini',
    label: 'Mini',
    login: {
      readTarget: () => ({}) as never,
      loginInputs: [],
      hostForms: ['<zone>.mini.example'],
      hostInputs: (host) => (host.endsWith('.mini.example') ? { region: host.split('.')[0]! } : undefined),
    },
  };

  it('names the provider whose hosts include the registry, with what the host says', () => {
    expect(recognizeRegistry('swr.cn-south-1.myhuaweicloud.com')).toMatchObject({
      provider: { name: 'swr' },
      inputs: { provider: 'swr', region: 'cn-south-1' },
    });
    expect(recognizeRegistry('ccr-abc123-vpc.cnc.bj.baidubce.com')?.inputs).toEqual({
      provider: 'ccr',
      'instance-id': 'ccr-abc123',
      region: 'bj',
      'registry-access': 'private',
    });
    expect(recognizeRegistry('z1.mini.example', [...PROVIDERS, mini])).toMatchObject({
      provider: mini,
      inputs: { provider: 'mini', region: 'z1' },
    });
  });

  it('recognizes no custom domain', () => {
    expect(recognizeRegistry('registry.example.com')).toBeUndefined();
    expect(recognizeRegistry('z1.mini.example')).toBeUndefined();
  });

  it('lists every host form of the table for messages', () => {
    expect(registryHostForms([...PROVIDERS, mini])).toEqual([
      'swr.<region>.myhuaweicloud.com',
      'ccr-<instance>-pub.cnc.<region>.baidubce.com',
      'ccr-<instance>-vpc.cnc.<region>.baidubce.com',
      'registry.baidubce.com',
      '<zone>.mini.example',
    ]);
  });
});
