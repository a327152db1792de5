import { afterEach, describe, expect, it } from 'vitest';
import {
  readCcrConnection,
  readConnection,
  readSwrConnection,
} from '../../../src/core/action/common-inputs.ts';
import { InputReader } from '../../../src/core/action/input-reader.ts';
import { forgetSecrets } from '../../../src/core/redact/secrets.ts';
import { inputErrorOf } from '../../support/input-error.ts';

afterEach(() => forgetSecrets());

const KEYS = { 'access-key-id': 'AK', 'secret-access-key': 'SK' };
const reader = (inputs: Record<string, string>, env: NodeJS.ProcessEnv = {}) =>
  InputReader.fromRecord(inputs, env);

describe('readSwrConnection', () => {
  it('reads region, endpoint overrides and credentials into one object', () => {
    const connection = readSwrConnection(
      reader({
        ...KEYS,
        region: 'cn-north-4',
        endpoint: 'http://127.0.0.1:8080/',
        'iam-endpoint': 'https://iam.example.com/v3-proxy/',
      }),
    );
    expect(connection.provider).toBe('swr');
    expect(connection.region).toBe('cn-north-4');
    expect(connection.endpoint?.href).toBe('http://127.0.0.1:8080/');
    expect(connection.iamEndpoint?.href).toBe('https://iam.example.com/v3-proxy');
    expect(connection.auth.method).toBe('aksk');
  });

  it.each([
    [
      { region: 'Beijing' },
      'region',
      `Input 'region' must be a Huawei Cloud region such as cn-north-4 or ap-southeast-1, got "Beijing".`,
    ],
    [{ region: '' }, 'region', `Input 'region' is required but was empty.`],
    [{ region: 'cn-north-4', endpoint: 'swr.example.com' }, 'endpoint', `"swr.example.com" is not a URL`],
    [{ region: 'cn-north-4', endpoint: 'ftp://swr.example.com' }, 'endpoint', `"ftp:" is not https`],
    [
      { region: 'cn-north-4', endpoint: 'http://swr.example.com' },
      'endpoint',
      'plain http is accepted only for',
    ],
    [
      { region: 'cn-north-4', 'iam-endpoint': 'https://u:p@iam.example.com' },
      'iam-endpoint',
      'must not contain a user name',
    ],
    [
      { region: 'cn-north-4', endpoint: 'https://swr.example.com/?x=1' },
      'endpoint',
      'must not contain a query string',
    ],
  ])('rejects %j naming %s', (inputs, input, text) => {
    const error = inputErrorOf(() => readSwrConnection(reader({ ...KEYS, ...inputs })));
    expect(error.inputs).toEqual([input]);
    expect(error.message).toContain(text);
  });
});

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
