import { describe, expect, it } from 'vitest';
import { readLoginInputs } from '../../../src/actions/login/inputs.ts';
import { InputReader } from '../../../src/core/action/input-reader.ts';
import { inputErrorOf } from '../../support/input-error.ts';

const swrKeys = {
  provider: 'swr',
  region: 'cn-north-4',
  'access-key-id': 'AKAKAKAK',
  'secret-access-key': 'SKSKSKSK',
};
const ccrKeys = { provider: 'ccr', region: 'bj', 'access-key-id': 'bce-ak', 'secret-access-key': 'bce-sk' };

function read(inputs: Record<string, string>, env: NodeJS.ProcessEnv = {}) {
  return readLoginInputs(InputReader.fromRecord(inputs, env));
}

const inputError = (inputs: Record<string, string>) => inputErrorOf(() => read(inputs));

describe('readLoginInputs', () => {
  it('reads an SWR login with defaults: logout on, no password output', () => {
    const inputs = read(swrKeys);
    expect(inputs.targets.map((target) => target.kind)).toEqual(['swr']);
    expect(inputs.logout).toBe(true);
    expect(inputs.outputPassword).toBe(false);
  });

  it('normalises the registry override to a host', () => {
    const inputs = read({ ...swrKeys, registry: 'https://SWR.example.com:8443/' });
    expect(inputs.targets[0]).toMatchObject({ kind: 'swr', registry: 'swr.example.com:8443' });
  });

  it('reads SWR credentials from the Huawei SDK environment variables', () => {
    const inputs = readLoginInputs(
      InputReader.fromRecord(
        { provider: 'swr', region: 'cn-north-4' },
        { HUAWEICLOUD_SDK_AK: 'envAK', HUAWEICLOUD_SDK_SK: 'envSK' },
      ),
    );
    expect(inputs.targets[0]).toMatchObject({ kind: 'swr', connection: { auth: { method: 'aksk' } } });
  });

  it('reads a CCR enterprise login with a 2-hour default duration and public access', () => {
    const inputs = read({ ...ccrKeys, 'instance-id': 'ccr-abc123', 'user-id': 'uid-1' });
    expect(inputs.targets[0]).toMatchObject({
      kind: 'ccr-enterprise',
      userId: 'uid-1',
      durationHours: 2,
      registryAccess: 'public',
      connection: { instanceId: 'ccr-abc123' },
    });
  });

  it('reads duration as whole hours, a number of hours or a duration of the one grammar', () => {
    const hours = (duration: string) =>
      read({ ...ccrKeys, 'instance-id': 'ccr-abc123', 'user-id': 'uid-1', duration }).targets[0];
    expect(hours('3')).toMatchObject({ durationHours: 3 });
    expect(hours('3h')).toMatchObject({ durationHours: 3 });
    expect(hours('1d')).toMatchObject({ durationHours: 24 });
    expect(hours('120m')).toMatchObject({ durationHours: 2 });
    expect(inputErrorOf(() => hours('90m')).message).toBe(
      `Input 'duration' must be whole hours from 1 to 24, as a number of hours or a duration such as 2h or 1d (w weeks, d days, h hours, m minutes), got "90m".`,
    );
  });

  it('defaults the CCR personal registry to registry.baidubce.com', () => {
    const inputs = read({ provider: 'ccr', username: 'me', password: 'pw-personal' });
    expect(inputs.targets[0]).toMatchObject({ kind: 'ccr-personal', registry: 'registry.baidubce.com' });
  });

  it('reads a CCR personal login', () => {
    const inputs = read({
      provider: 'ccr',
      username: 'me',
      password: 'pw-personal',
      registry: 'ccr.example.com',
    });
    expect(inputs.targets[0]).toEqual({
      kind: 'ccr-personal',
      username: 'me',
      password: 'pw-personal',
      registry: 'ccr.example.com',
    });
  });

  it('derives provider and region from an SWR registry host', () => {
    const inputs = read({
      registry: 'swr.ap-southeast-1.myhuaweicloud.com',
      'access-key-id': 'AK',
      'secret-access-key': 'SK',
    });
    expect(inputs.targets[0]).toMatchObject({
      kind: 'swr',
      registry: 'swr.ap-southeast-1.myhuaweicloud.com',
      connection: { region: 'ap-southeast-1' },
    });
  });

  it('derives provider, region, instance and access from a CCR instance domain, public or VPC', () => {
    const keys = { 'access-key-id': 'bce-ak', 'secret-access-key': 'bce-sk', username: 'ci' };
    expect(read({ ...keys, registry: 'ccr-4k74gw7d-pub.cnc.bd.baidubce.com' }).targets[0]).toMatchObject({
      kind: 'ccr-enterprise',
      registry: 'ccr-4k74gw7d-pub.cnc.bd.baidubce.com',
      registryAccess: 'public',
      connection: { instanceId: 'ccr-4k74gw7d', region: 'bd' },
    });
    expect(read({ ...keys, registry: 'ccr-4k74gw7d-vpc.cnc.gz.baidubce.com' }).targets[0]).toMatchObject({
      registryAccess: 'private',
      connection: { instanceId: 'ccr-4k74gw7d', region: 'gz' },
    });
  });

  it('accepts inputs given beside the host when they agree with it', () => {
    const inputs = read({ ...swrKeys, registry: 'swr.cn-north-4.myhuaweicloud.com' });
    expect(inputs.targets[0]).toMatchObject({ kind: 'swr', connection: { region: 'cn-north-4' } });
  });

  it('reads one login per registries line, any mix, each provider with its vendor credentials', () => {
    const inputs = read(
      {
        registries:
          'swr.cn-north-4.myhuaweicloud.com\nswr.cn-south-1.myhuaweicloud.com\nccr-abc123-pub.cnc.bj.baidubce.com',
        username: 'ci',
      },
      {
        HUAWEICLOUD_SDK_AK: 'envAK',
        HUAWEICLOUD_SDK_SK: 'envSK',
        BCE_ACCESS_KEY_ID: 'bce',
        BCE_SECRET_ACCESS_KEY: 'sk',
      },
    );
    expect(inputs.targets.map((t) => t.kind)).toEqual(['swr', 'swr', 'ccr-enterprise']);
    expect(inputs.targets[1]).toMatchObject({
      connection: { region: 'cn-south-1', auth: { method: 'aksk' } },
    });
    expect(inputs.targets[2]).toMatchObject({ username: 'ci', connection: { instanceId: 'ccr-abc123' } });
  });

  it.each([
    [
      { ...swrKeys, region: 'cn-south-1', registry: 'swr.cn-north-4.myhuaweicloud.com' },
      ['region', 'registry'],
      'Input \'region\' is "cn-south-1", but registry swr.cn-north-4.myhuaweicloud.com is region cn-north-4',
    ],
    [
      { ...swrKeys, registry: 'ccr-abc123-pub.cnc.bj.baidubce.com' },
      ['provider', 'registry'],
      'is a CCR registry (provider ccr)',
    ],
    [
      {
        ...ccrKeys,
        registry: 'ccr-abc123-vpc.cnc.bj.baidubce.com',
        'registry-access': 'public',
        username: 'u',
      },
      ['registry-access', 'registry'],
      'registry-access private',
    ],
    [
      { 'access-key-id': 'a', 'secret-access-key': 'b', registry: 'registry.example.com' },
      ['provider', 'registry'],
      'is not a host the action recognizes (swr.<region>.myhuaweicloud.com',
    ],
    [
      { registries: 'swr.cn-north-4.myhuaweicloud.com\nregistry.example.com' },
      ['registries'],
      'line 2 "registry.example.com" is not a registry host the action recognizes',
    ],
    [
      { registries: 'swr.cn-north-4.myhuaweicloud.com', region: 'cn-north-4' },
      ['region'],
      'cannot be used with registries',
    ],
    [
      { registries: 'swr.cn-north-4.myhuaweicloud.com\nSWR.cn-north-4.myhuaweicloud.com' },
      ['registries'],
      'names swr.cn-north-4.myhuaweicloud.com twice',
    ],
    [
      {
        registries: 'swr.cn-north-4.myhuaweicloud.com\nccr-abc123-pub.cnc.bj.baidubce.com',
        'access-key-id': 'a',
        'secret-access-key': 'b',
        username: 'u',
      },
      ['access-key-id', 'secret-access-key'],
      'cannot be used with registries of several providers (SWR and CCR)',
    ],
    [{ ...swrKeys, logout: 'maybe' }, ['logout'], 'true or false'],
    [{ ...swrKeys, registry: 'swr.example.com/team' }, ['registry'], 'registry host'],
    [{ ...swrKeys, duration: '3' }, ['duration'], "Input 'duration' cannot be used with provider swr"],
    [{ ...swrKeys, password: 'x' }, ['password'], "Input 'password' cannot be used with provider swr"],
    [
      { ...swrKeys, 'instance-id': 'ccr-abc123' },
      ['instance-id'],
      "Input 'instance-id' cannot be used with provider swr",
    ],
    [
      { ...swrKeys, username: 'me', duration: '3' },
      ['username', 'duration'],
      "Inputs 'username' and 'duration' cannot be used with provider swr",
    ],
    [
      { ...ccrKeys, 'instance-id': 'ccr-abc123', 'user-id': 'uid-1', duration: '0' },
      ['duration'],
      'from 1 to 24',
    ],
    [
      { ...ccrKeys, 'instance-id': 'ccr-abc123', 'user-id': 'uid-1', duration: '48' },
      ['duration'],
      'from 1 to 24',
    ],
    [
      { ...ccrKeys, 'instance-id': 'ccr-abc123', 'user-id': 'uid-1', 'registry-access': 'vpc' },
      ['registry-access'],
      'public, private',
    ],
    [
      { ...ccrKeys, 'instance-id': 'ccr-abc123', 'user-id': 'uid-1', password: 'p' },
      ['password'],
      'temporary password',
    ],
    [
      { ...ccrKeys, 'instance-id': 'ccr-abc123' },
      ['username', 'user-id'],
      "Inputs 'username' and 'user-id' are both empty: a CCR enterprise login needs the docker user name",
    ],
    [
      { ...ccrKeys },
      ['instance-id', 'username', 'password'],
      "Inputs 'instance-id', 'username' and 'password' are empty: provider ccr needs instance-id",
    ],
    [{ provider: 'ccr', username: 'me', registry: 'r.io' }, ['password'], "Input 'password' is empty"],
    [{ provider: 'ccr', password: 'p' }, ['username'], "Input 'username' is empty"],
    [
      { provider: 'ccr', username: 'me', password: 'p', registry: 'r.io', duration: '1' },
      ['duration'],
      'personal edition',
    ],
    [{ provider: 'gcr' }, ['provider'], 'one of swr, ccr'],
    [
      { provider: 'swr', region: 'cn-north-4' },
      ['access-key-id'],
      "Inputs 'access-key-id' and 'secret-access-key' are empty, and no other Huawei Cloud credentials",
    ],
  ])('rejects %j', (inputs, names, message) => {
    const error = inputError(inputs);
    expect(error.inputs).toEqual(expect.arrayContaining(names));
    expect(error.message).toContain(message);
    expect(error.message, 'names the input first').toMatch(/^Inputs? '/);
  });
});
