import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from './index.ts';
import { type CallOptions, type CallResult, caller, iamToken } from './test-client.ts';

let emulator: Emulator;
let swr: (options: CallOptions) => Promise<CallResult>;

beforeEach(async () => {
  emulator = await startEmulator({
    seed: { swr: { namespaces: [{ name: 'team', repositories: [{ name: 'app' }] }] } },
  });
  swr = caller(emulator.url, { auth: 'huawei' });
});

afterEach(async () => {
  await emulator.close();
});

const alice = { user_id: 'u-alice', user_name: 'alice', auth: 1 };

describe.each([
  ['namespace', '/v2/manage/namespaces/team/access', 'SVCSTG.SWR.4090076', 'SVCSTG.SWR.4040078'],
  ['repository', '/v2/manage/namespaces/team/repos/app/access', 'SVCSTG.SWR.4090089', 'SVCSTG.SWR.4040091'],
])('SWR %s permissions', (_level, path, existsCode, missingCode) => {
  it('creates, queries, updates and deletes a user permission', async () => {
    expect((await swr({ method: 'POST', path, body: [alice] })).status).toBe(201);
    const query = await swr({ path });
    expect(query.json).toMatchObject({
      self_auth: { user_name: 'emu-user', auth: 7 },
      others_auths: [alice],
    });
    expect((await swr({ method: 'PATCH', path, body: [{ ...alice, auth: 7 }] })).status).toBe(201);
    expect((await swr({ path })).json).toMatchObject({ others_auths: [{ user_id: 'u-alice', auth: 7 }] });
    expect((await swr({ method: 'DELETE', path, body: ['u-alice'] })).status).toBe(204);
    expect((await swr({ path })).json).toMatchObject({ others_auths: [] });
  });

  it('answers 409 for a permission that exists and 404 when updating a missing one', async () => {
    await swr({ method: 'POST', path, body: [alice] });
    expect((await swr({ method: 'POST', path, body: [alice] })).json).toMatchObject([
      { errorCode: existsCode },
    ]);
    const update = await swr({ method: 'PATCH', path, body: [{ ...alice, user_id: 'u-bob' }] });
    expect(update.status).toBe(404);
    expect(update.json).toMatchObject([{ errorCode: missingCode }]);
  });

  it('rejects an auth value other than 1, 3 or 7', async () => {
    expect((await swr({ method: 'POST', path, body: [{ ...alice, auth: 5 }] })).status).toBe(400);
  });
});

describe('SWR retention policies', () => {
  const path = '/v2/manage/namespaces/team/repos/app/retentions';
  const policy = {
    algorithm: 'or',
    rules: [
      { template: 'tag_rule', params: { num: '10' }, tag_selectors: [{ kind: 'regexp', pattern: '^v' }] },
    ],
  };

  it('creates (201 with id), lists, gets, modifies and deletes a policy', async () => {
    const created = await swr({ method: 'POST', path, body: policy });
    expect(created.status).toBe(201);
    const { id } = created.json as { id: number };
    expect((await swr({ path })).json).toEqual([{ ...policy, id, scope: '' }]);
    const changed = {
      ...policy,
      rules: [{ template: 'date_rule', params: { days: '30' }, tag_selectors: [] }],
    };
    expect((await swr({ method: 'PATCH', path: `${path}/${id}`, body: changed })).status).toBe(201);
    expect((await swr({ path: `${path}/${id}` })).json).toMatchObject({ id, rules: changed.rules });
    expect((await swr({ method: 'DELETE', path: `${path}/${id}` })).status).toBe(200);
    expect((await swr({ path: `${path}/${id}` })).status).toBe(404);
  });

  it('rejects a rule without its parameter', async () => {
    const bad = { algorithm: 'or', rules: [{ template: 'date_rule', params: {}, tag_selectors: [] }] };
    expect((await swr({ method: 'POST', path, body: bad })).status).toBe(400);
  });

  it('lists retention histories with a total', async () => {
    const result = await swr({ path: `${path}/histories`, query: { filter: 'offset::0|limit::10' } });
    expect(result.json).toEqual({ retention_log: [], total: 0 });
    expect(result.headers['content-range']).toBe('0-0/0');
  });
});

describe('SWR login secret and versions', () => {
  it('returns X-Swr-Dockerlogin and auths for the registry host', async () => {
    const token = await iamToken(emulator.url);
    const result = await swr({
      method: 'POST',
      path: '/v2/manage/utils/secret',
      query: { projectname: 'cn-north-4' },
      auth: 'token',
      token,
    });
    expect(result.status).toBe(200);
    const login = result.headers['x-swr-dockerlogin'] ?? '';
    const [, user, password, host] = login.match(/^docker login -u (\S+) -p (\S+) (\S+)$/) ?? [];
    expect(user).toMatch(/^cn-north-4@/);
    expect(result.json).toEqual({
      auths: { [String(host)]: { auth: Buffer.from(`${user}:${password}`).toString('base64') } },
    });
  });

  it("answers another region's project with that region's registry host", async () => {
    const token = await iamToken(emulator.url);
    const result = await swr({
      method: 'POST',
      path: '/v2/manage/utils/secret',
      query: { projectname: 'ap-southeast-1' },
      auth: 'token',
      token,
    });
    expect(Object.keys(result.json as object)).toEqual(['auths']);
    expect(Object.keys((result.json as { auths: object }).auths)).toEqual([
      'swr.ap-southeast-1.myhuaweicloud.com',
    ]);
    expect(result.headers['x-swr-dockerlogin']).toMatch(
      /^docker login -u ap-southeast-1@\S+ -p \S+ swr\.ap-southeast-1\./,
    );
  });

  it('hands out fixed registry credentials when the seed sets them', async () => {
    await emulator.close();
    const fixed = { username: 'reg-user', password: 'reg-pass', host: '127.0.0.1:5000' };
    emulator = await startEmulator({ seed: { registryCredentials: { swr: fixed } } });
    const result = await caller(emulator.url, { auth: 'huawei' })({
      method: 'POST',
      path: '/v2/manage/utils/secret',
    });
    expect(result.headers['x-swr-dockerlogin']).toBe('docker login -u reg-user -p reg-pass 127.0.0.1:5000');
    expect(result.json).toEqual({
      auths: { '127.0.0.1:5000': { auth: Buffer.from('reg-user:reg-pass').toString('base64') } },
    });
  });

  it('lists API versions and answers one version', async () => {
    expect((await swr({ path: '/' })).json).toMatchObject({ versions: [{ id: 'v2', status: 'CURRENT' }] });
    expect((await swr({ path: '/v2' })).json).toMatchObject({ version: { id: 'v2' } });
    expect((await swr({ path: '/v9' })).status).toBe(404);
  });
});
