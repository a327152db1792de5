import { afterEach, describe, expect, it } from 'vitest';
import { InputReader } from '../../src/core/action/input-reader.ts';
import { forgetSecrets } from '../../src/core/redact/secrets.ts';
import { readConnection } from '../../src/providers/index.ts';
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
