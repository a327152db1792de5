import { describe, expect, it } from 'vitest';
import { DockerConfigError, encodeAuth, parseDockerConfig } from '../../../src/core/docker/docker-config.ts';
import { isSameRegistry, registryKey } from '../../../src/core/docker/registry-host.ts';

describe('parseDockerConfig', () => {
  it('reads an empty file as an empty config', () => {
    expect(parseDockerConfig('  \n', '/x/config.json')).toEqual({});
  });

  it('keeps fields it does not know', () => {
    expect(parseDockerConfig('{"psFormat":"table","auths":{}}', 'c')).toEqual({
      psFormat: 'table',
      auths: {},
    });
  });

  it.each([
    ['{"auths": {"a.io": {"auth": "c2VjcmV0LXZhbHVl"}', 'is not valid JSON'],
    ['[]', 'does not hold a JSON object'],
    ['{"auths": []}', 'has an "auths" field'],
    ['{"credHelpers": {"a.io": 1}}', 'has a "credHelpers" field'],
    ['{"credsStore": true}', 'has a "credsStore" field'],
  ])('rejects %s with a clear error', (text, problem) => {
    expect(() => parseDockerConfig(text, '/home/u/.docker/config.json')).toThrow(DockerConfigError);
    expect(() => parseDockerConfig(text, '/home/u/.docker/config.json')).toThrow(
      new RegExp(`^/home/u/.docker/config.json ${problem}.*left untouched`),
    );
  });

  it('does not quote the broken file in its error (it holds credentials)', () => {
    const text = '{"auths": {"a.io": {"auth": "c2VjcmV0LXZhbHVl"}}';
    expect(() => parseDockerConfig(text, 'c')).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('c2VjcmV0') }),
    );
  });
});

describe('encodeAuth', () => {
  it('is base64 of user:password', () => {
    expect(Buffer.from(encodeAuth('cn-north-4@AK', 'p:w'), 'base64').toString()).toBe('cn-north-4@AK:p:w');
  });
});

describe('registryKey', () => {
  it.each([
    ['swr.cn-north-4.myhuaweicloud.com', 'swr.cn-north-4.myhuaweicloud.com'],
    ['https://CCR-abc-pub.cnc.bj.baidubce.com/', 'ccr-abc-pub.cnc.bj.baidubce.com'],
    ['127.0.0.1:5000', '127.0.0.1:5000'],
  ])('%s → %s', (text, key) => {
    expect(registryKey(text)).toBe(key);
  });

  it.each(['', 'a.io/team/app', 'user@host', 'host:port'])('rejects %j', (text) => {
    expect(registryKey(text)).toBeUndefined();
  });

  it('matches the keys docker may have used for the same registry', () => {
    expect(isSameRegistry('https://a.io/v1/', 'a.io')).toBe(true);
    expect(isSameRegistry('b.io', 'a.io')).toBe(false);
  });
});
