import { afterEach, describe, expect, it } from 'vitest';
import { InputReader } from '../../src/core/action/input-reader.ts';
import { forgetSecrets } from '../../src/core/redact/secrets.ts';
import { chooseProvider, PROVIDERS, readConnection } from '../../src/providers/index.ts';
import type { Provider } from '../../src/providers/seam/provider.ts';
import { inputErrorOf } from '../support/input-error.ts';

afterEach(() => forgetSecrets());

const KEYS = { 'access-key-id': 'AK', 'secret-access-key': 'SK' };
const reader = (inputs: Record<string, string>, env: NodeJS.ProcessEnv = {}) =>
  InputReader.fromRecord(inputs, env);

describe('readConnection', () => {
  it('dispatches on the provider input', () => {
    expect(readConnection(reader({ ...KEYS, provider: 'ccr', region: 'gz' })).provider).toBe('ccr');
    expect(readConnection(reader({ ...KEYS, provider: 'SWR', region: 'ap-southeast-1' })).provider).toBe(
      'swr',
    );
    expect(inputErrorOf(() => readConnection(reader({ ...KEYS, region: 'gz' }))).inputs).toEqual([
      'provider',
    ]);
  });
});

describe('chooseProvider', () => {
  const loginOnly: Provider = { name: 'mini', label: 'Mini', login: { readTarget: () => ({}) as never } };
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
