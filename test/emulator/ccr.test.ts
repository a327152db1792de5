import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from './index.ts';
import { type CallOptions, type CallResult, caller } from './test-client.ts';

let emulator: Emulator;
let ccr: (options: CallOptions) => Promise<CallResult>;
const clock = new Date('2025-03-01T10:00:00Z');
const digest = 'sha256:3333333333333333333333333333333333333333333333333333333333333333';

beforeEach(async () => {
  emulator = await startEmulator({
    now: () => clock,
    seed: {
      ccr: {
        personalProjects: [
          {
            id: 1,
            name: 'alpha',
            createTime: '2025-01-01T00:00:00Z',
            members: [{ userId: 'u1', userName: 'ann', role: 'admin' }],
          },
          { id: 2, name: 'beta', createTime: '2025-01-02T00:00:00Z' },
          { id: 3, name: 'alphabet', createTime: '2025-01-03T00:00:00Z' },
        ],
        instances: [
          {
            id: 'ccr-emu00001',
            publicURL: 'ccr-emu00001-pub.cnc.bd.baidubce.com',
            privateURL: 'ccr-emu00001-vpc.cnc.bd.baidubce.com',
            projects: [
              {
                name: 'team',
                repositories: [
                  {
                    name: 'web/app',
                    tags: [
                      { tag: 'v1', digest, updated: '2025-01-01T00:00:00Z' },
                      { tag: 'stable', digest, updated: '2025-01-01T00:00:00Z' },
                      { tag: 'v2', updated: '2025-01-02T00:00:00Z' },
                    ],
                  },
                ],
              },
            ],
            publicLinks: { status: 'closed', whitelist: [{ ipAddr: '10.0.0.0/8', description: 'office' }] },
          },
        ],
      },
    },
  });
  ccr = caller(emulator.url, { auth: 'baidu', signedAt: clock });
});

afterEach(async () => {
  await emulator.close();
});

const INSTANCE = '/v1/instances/ccr-emu00001';
const TAGS = `${INSTANCE}/projects/team/repositories/web%2Fapp/tags`;

describe('CCR personal namespaces', () => {
  it('lists by keyword with order and paging, reporting totalCount', async () => {
    const result = await ccr({
      path: '/v1/ccr/projects',
      query: { keyword: 'alpha', order: 'asc', pageNo: '1', pageSize: '1' },
    });
    expect(result.json).toMatchObject({
      result: [{ projectId: 1, projectName: 'alpha' }],
      pageNo: 1,
      pageSize: 1,
      totalCount: 2,
    });
  });

  it('refuses a page size above 100', async () => {
    const result = await ccr({ path: '/v1/ccr/projects', query: { pageSize: '101' } });
    expect(result.status).toBe(400);
    expect(result.json).toMatchObject({
      code: 'InvalidParameter',
      requestId: result.headers['x-bce-request-id'],
    });
  });

  it('lists members and deletes a namespace', async () => {
    expect((await ccr({ path: '/v1/ccr/projects/1/members' })).json).toMatchObject({
      result: [{ userName: 'ann' }],
      totalCount: 1,
    });
    expect((await ccr({ method: 'DELETE', path: '/v1/ccr/projects/2' })).json).toEqual({
      action: 'delete',
      targetName: 2,
    });
    expect((await ccr({ method: 'DELETE', path: '/v1/ccr/projects/2' })).status).toBe(404);
  });
});

describe('CCR enterprise instances and credentials', () => {
  it('answers instance detail with the registry domains and lists instances by keyword', async () => {
    expect((await ccr({ path: INSTANCE })).json).toMatchObject({
      info: {
        id: 'ccr-emu00001',
        publicURL: 'ccr-emu00001-pub.cnc.bd.baidubce.com',
        privateURL: 'ccr-emu00001-vpc.cnc.bd.baidubce.com',
      },
    });
    const list = await ccr({ path: '/v1/instances', query: { keywordType: 'id', keyword: 'emu' } });
    expect(list.json).toMatchObject({ total: 1, instances: [{ id: 'ccr-emu00001' }] });
    expect((await ccr({ path: '/v1/instances/ccr-nope' })).status).toBe(404);
  });

  it('issues a temporary password and remembers it with its expiry', async () => {
    const result = await ccr({ method: 'POST', path: `${INSTANCE}/credential`, body: { duration: 2 } });
    const { password } = result.json as { password: string };
    expect(password.length).toBeGreaterThan(8);
    expect(emulator.state.issuedPasswords).toEqual([
      {
        instanceId: 'ccr-emu00001',
        userName: 'emu-docker-user',
        password,
        expiresAt: '2025-03-01T12:00:00.000Z',
      },
    ]);
    expect(
      (await ccr({ method: 'POST', path: `${INSTANCE}/credential`, body: { duration: 0 } })).status,
    ).toBe(400);
  });

  it('answers the docker user name of the account user', async () => {
    expect((await ccr({ path: '/v1/users/profile', query: { userId: 'emu-user-id' } })).json).toEqual({
      name: 'emu-docker-user',
    });
    expect((await ccr({ path: '/v1/users/profile', query: { userId: 'someone' } })).status).toBe(404);
  });

  it('requires userId on the profile call, as the supplement writes it (?userId=)', async () => {
    const bare = await ccr({ path: '/v1/users/profile' });
    expect(bare.status).toBe(400);
    expect(bare.json).toMatchObject({ message: expect.stringContaining('userId is required') });
  });
});

describe('CCR enterprise namespaces and tags', () => {
  it('creates a namespace, lists it by name, and answers 409 for a duplicate', async () => {
    const created = await ccr({
      method: 'POST',
      path: `${INSTANCE}/projects`,
      body: { projectName: 'new-ns', public: 'false' },
    });
    expect(created.json).toMatchObject({ projectName: 'new-ns', public: 'false', repoCount: 0 });
    const list = await ccr({ path: `${INSTANCE}/projects`, query: { projectName: 'new' } });
    expect(list.json).toMatchObject({ total: 1, items: [{ projectName: 'new-ns' }] });
    const again = await ccr({
      method: 'POST',
      path: `${INSTANCE}/projects`,
      body: { projectName: 'new-ns', public: 'false' },
    });
    expect(again.status).toBe(409);
  });

  it('reads a namespace and lists its repositories', async () => {
    expect((await ccr({ path: `${INSTANCE}/projects/team` })).json).toMatchObject({
      projectName: 'team',
      repoCount: 1,
    });
    expect((await ccr({ path: `${INSTANCE}/projects/nope` })).status).toBe(404);
    const repos = await ccr({ path: `${INSTANCE}/projects/team/repositories` });
    expect(repos.json).toMatchObject({ total: 1, items: [{ repositoryName: 'web/app', tagCount: 3 }] });
  });

  it.each(['123', '-a', 'a-', 'A', 'a b'])('rejects the namespace name %j', async (projectName) => {
    const result = await ccr({
      method: 'POST',
      path: `${INSTANCE}/projects`,
      body: { projectName, public: 'true' },
    });
    expect(result.status).toBe(400);
  });

  it('lists tags newest first with digests, and reads one tag', async () => {
    const list = await ccr({ path: TAGS, query: { pageSize: '100' } });
    expect(list.json).toMatchObject({
      total: 3,
      items: [{ tagName: 'v2' }, { tagName: 'v1', digest }, { tagName: 'stable', digest }],
    });
    expect((await ccr({ path: `${TAGS}/v1` })).json).toMatchObject({ tagName: 'v1', digest, type: 'image' });
    expect((await ccr({ path: TAGS, query: { tagName: 'stab' } })).json).toMatchObject({ total: 1 });
  });

  it('finds a repository with a slash single-encoded by default, and only double-encoded in the double form', async () => {
    const DOUBLE = `${INSTANCE}/projects/team/repositories/web%252Fapp/tags`;
    expect((await ccr({ path: TAGS })).status).toBe(200);
    expect((await ccr({ path: DOUBLE })).status).toBe(404);
    emulator.state.ccrForms.repositoryEncoding = 'double';
    expect((await ccr({ path: TAGS })).status).toBe(404);
    expect((await ccr({ path: DOUBLE })).json).toMatchObject({ items: expect.any(Array) });
  });

  it('names the project list array as the configured form says (items by default)', async () => {
    expect((await ccr({ path: `${INSTANCE}/projects` })).json).toHaveProperty('items');
    emulator.state.ccrForms.projectListKey = 'projects';
    const other = (await ccr({ path: `${INSTANCE}/projects` })).json;
    expect(other).toHaveProperty('projects');
    expect(other).not.toHaveProperty('items');
  });

  it("deletes only the named tag in 'tag' mode", async () => {
    emulator.state.tagDeleteMode = 'tag';
    expect((await ccr({ method: 'DELETE', path: `${TAGS}/v1` })).status).toBe(200);
    expect((await ccr({ path: TAGS })).json).toMatchObject({
      total: 2,
      items: [{ tagName: 'v2' }, { tagName: 'stable' }],
    });
  });

  it("removes tags sharing a digest by default ('digest' mode: the image goes, spec 4.3.2)", async () => {
    expect((await ccr({ method: 'DELETE', path: `${TAGS}/stable` })).status).toBe(200);
    expect((await ccr({ path: TAGS })).json).toMatchObject({ total: 1, items: [{ tagName: 'v2' }] });
    expect((await ccr({ method: 'DELETE', path: `${TAGS}/v1` })).status).toBe(404);
  });
});

describe('CCR enterprise access control', () => {
  it('opens public access and adds and deletes allowlist entries', async () => {
    expect((await ccr({ path: `${INSTANCE}/publiclinks` })).json).toMatchObject({
      status: 'closed',
      domain: 'ccr-emu00001-pub.cnc.bd.baidubce.com',
    });
    expect(
      (await ccr({ method: 'PUT', path: `${INSTANCE}/publiclinks`, body: { action: 'open' } })).status,
    ).toBe(200);
    const add = await ccr({
      method: 'POST',
      path: `${INSTANCE}/publiclinks/whitelist`,
      body: { ipAddr: '203.0.113.7', description: 'runner' },
    });
    expect(add.status).toBe(200);
    expect((await ccr({ path: `${INSTANCE}/publiclinks` })).json).toEqual({
      domain: 'ccr-emu00001-pub.cnc.bd.baidubce.com',
      status: 'opened',
      whitelist: [
        { ipAddr: '10.0.0.0/8', description: 'office' },
        { ipAddr: '203.0.113.7', description: 'runner' },
      ],
    });
    const remove = await ccr({
      method: 'DELETE',
      path: `${INSTANCE}/publiclinks/whitelist`,
      body: { items: ['10.0.0.0/8'] },
    });
    expect(remove.status).toBe(200);
    expect(emulator.state.ccrInstances.get('ccr-emu00001')?.whitelist).toEqual([
      { ipAddr: '203.0.113.7', description: 'runner' },
    ]);
  });

  it('rejects an invalid address, a duplicate entry and an unknown action', async () => {
    const path = `${INSTANCE}/publiclinks/whitelist`;
    expect((await ccr({ method: 'POST', path, body: { ipAddr: '300.1.1.1', description: '' } })).status).toBe(
      400,
    );
    expect(
      (await ccr({ method: 'POST', path, body: { ipAddr: '10.0.0.0/8', description: '' } })).status,
    ).toBe(409);
    expect(
      (await ccr({ method: 'PUT', path: `${INSTANCE}/publiclinks`, body: { action: 'maybe' } })).status,
    ).toBe(400);
  });

  it('creates, lists and deletes private links', async () => {
    const path = `${INSTANCE}/privatelinks`;
    const link = {
      vpcID: 'vpc-1',
      subnetID: 'sbn-1',
      ipType: 'manual',
      ipAddress: '192.168.1.5',
      autoDnsResolve: true,
    };
    expect((await ccr({ method: 'POST', path, body: link })).status).toBe(200);
    expect((await ccr({ path })).json).toEqual({
      domain: 'ccr-emu00001-vpc.cnc.bd.baidubce.com',
      items: [
        { vpcID: 'vpc-1', subnetID: 'sbn-1', serviceNetID: '', status: 'success', ipAddress: '192.168.1.5' },
      ],
    });
    expect((await ccr({ method: 'DELETE', path, body: { vpcID: 'vpc-1', subnetID: 'sbn-1' } })).status).toBe(
      200,
    );
    expect((await ccr({ method: 'DELETE', path, body: { vpcID: 'vpc-1', subnetID: 'sbn-1' } })).status).toBe(
      404,
    );
  });
});
