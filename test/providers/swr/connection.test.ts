import { afterEach, describe, expect, it } from 'vitest';
import { InputReader } from '../../../src/core/action/input-reader.ts';
import { forgetSecrets } from '../../../src/core/redact/secrets.ts';
import { readSwrConnection } from '../../../src/providers/swr/connection.ts';
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
