import { afterEach, describe, expect, it } from 'vitest';
import { InputReader } from '../../../src/core/action/input-reader.ts';
import { forgetSecrets } from '../../../src/core/redact/secrets.ts';
import { readCcrConnection } from '../../../src/providers/ccr/connection.ts';
import { inputErrorOf } from '../../support/input-error.ts';

afterEach(() => forgetSecrets());

const KEYS = { 'access-key-id': 'AK', 'secret-access-key': 'SK' };
const reader = (inputs: Record<string, string>, env: NodeJS.ProcessEnv = {}) =>
  InputReader.fromRecord(inputs, env);

describe('readCcrConnection', () => {
  it('reads region, instance-id and Baidu credentials', () => {
    const connection = readCcrConnection(
      reader(
        { region: 'bj', 'instance-id': 'ccr-4k74gw7d' },
        {
          BCE_ACCESS_KEY_ID: 'AK',
          BCE_SECRET_ACCESS_KEY: 'SK',
        },
      ),
    );
    expect(connection).toEqual({
      provider: 'ccr',
      region: 'bj',
      instanceId: 'ccr-4k74gw7d',
      auth: {
        method: 'aksk',
        credentials: { accessKeyId: 'AK', secretAccessKey: 'SK' },
        source: 'environment BCE_ACCESS_KEY_ID, BCE_SECRET_ACCESS_KEY',
      },
    });
  });

  it('rejects a malformed instance id and a Huawei-style region', () => {
    expect(
      inputErrorOf(() => readCcrConnection(reader({ ...KEYS, region: 'bj', 'instance-id': 'my-registry' })))
        .message,
    ).toBe(
      `Input 'instance-id' must be a CCR enterprise instance id such as ccr-4k74gw7d, got "my-registry".`,
    );
    expect(inputErrorOf(() => readCcrConnection(reader({ ...KEYS, region: 'cn-north-4' }))).inputs).toEqual([
      'region',
    ]);
  });
});
