import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from './index.ts';
import { type CallOptions, caller } from './test-client.ts';

let emulator: Emulator;
let swr: (options: CallOptions) => ReturnType<ReturnType<typeof caller>>;

beforeEach(async () => {
  emulator = await startEmulator({
    seed: {
      swr: {
        namespaces: [
          { name: 'taken', owner: 'another-domain' },
          { name: 'team' },
          { name: 'lent', owner: 'another-domain', sharedWith: ['emu-domain'] },
        ],
      },
    },
  });
  swr = caller(emulator.url, { auth: 'huawei' });
});

afterEach(async () => {
  await emulator.close();
});

const create = (namespace: unknown) =>
  swr({ method: 'POST', path: '/v2/manage/namespaces', body: { namespace } });

describe('SWR namespaces', () => {
  it('creates a namespace (201) that then shows in get and list', async () => {
    expect((await create('new-ns')).status).toBe(201);
    const got = await swr({ path: '/v2/manage/namespaces/new-ns' });
    expect(got.status).toBe(200);
    expect(got.json).toMatchObject({ name: 'new-ns', creator_name: 'emu-user', auth: 7 });
    const list = await swr({ path: '/v2/manage/namespaces' });
    expect((list.json as { namespaces: Array<{ name: string }> }).namespaces.map((n) => n.name)).toEqual([
      'team',
      'new-ns',
    ]);
  });

  it('answers 409 for an existing namespace, also when another account owns it', async () => {
    for (const name of ['team', 'taken']) {
      const result = await create(name);
      expect(result.status).toBe(409);
      expect(result.json).toEqual([
        { errorCode: 'SVCSTG.SWR.4090060', errorMessage: 'The organization already exists.', detail: '' },
      ]);
    }
  });

  it("hides another account's namespace from get (404) and list", async () => {
    const got = await swr({ path: '/v2/manage/namespaces/taken' });
    expect(got.status).toBe(404);
    expect(got.json).toMatchObject([{ errorCode: 'SVCSTG.SWR.4040058' }]);
    const filtered = await swr({
      path: '/v2/manage/namespaces',
      query: { filter: 'namespace::taken|mode::visible' },
    });
    expect(filtered.json).toEqual({ namespaces: [] });
  });

  it('finds one namespace by filter=namespace::{ns}|mode::visible and by namespace=', async () => {
    const byFilter = await swr({
      path: '/v2/manage/namespaces',
      query: { filter: 'namespace::team|mode::visible' },
    });
    expect(byFilter.json).toMatchObject({ namespaces: [{ name: 'team' }] });
    const byName = await swr({ path: '/v2/manage/namespaces', query: { namespace: 'team' } });
    expect(byName.json).toMatchObject({ namespaces: [{ name: 'team' }] });
  });

  it('rejects a malformed filter with SVCSTG.SWR.4001035', async () => {
    const result = await swr({ path: '/v2/manage/namespaces', query: { filter: 'team' } });
    expect(result.status).toBe(400);
    expect(result.json).toMatchObject([{ errorCode: 'SVCSTG.SWR.4001035' }]);
  });

  it('enforces the quota of 5 namespaces per account (400 SVCSTG.SWR.4000097)', async () => {
    for (const name of ['a1', 'a2', 'a3', 'a4']) expect((await create(name)).status).toBe(201);
    const sixth = await create('a5');
    expect(sixth.status).toBe(400);
    expect(sixth.json).toMatchObject([{ errorCode: 'SVCSTG.SWR.4000097' }]);
  });

  it.each([
    ['a', true],
    ['team.app-1', true],
    ['my__ns', true],
    ['x'.repeat(64), true],
    ['x'.repeat(65), false],
    ['1abc', false],
    ['Abc', false],
    ['abc-', false],
    ['a..b', false],
    ['a_-b', false],
    ['a___b', false],
    ['a/b', false],
    ['', false],
  ])('applies the name rule to %j (valid: %s)', async (name, valid) => {
    const result = await create(name);
    if (valid) expect(result.status).toBe(201);
    else
      expect(result.json).toEqual([
        { errorCode: 'SVCSTG.SWR.4001028', errorMessage: 'Invalid organization name.', detail: '' },
      ]);
  });

  it('answers a body that is not JSON with the error_code/error_msg shape', async () => {
    const result = await swr({ method: 'POST', path: '/v2/manage/namespaces', body: '{not json' });
    expect(result.status).toBe(400);
    expect(result.json).toEqual({
      error_code: 'SVCSTG.SWR.4001018',
      error_msg: 'Incorrect request body type.',
    });
  });

  it('lists a namespace seen only through shared repositories with mode::visible alone, with no permission', async () => {
    const names = async (filter: string) =>
      (
        (await swr({ path: '/v2/manage/namespaces', query: { filter } })).json as {
          namespaces: Array<{ name: string; auth: number }>;
        }
      ).namespaces;
    expect(await names('namespace::lent')).toEqual([]);
    expect(await names('namespace::lent|mode::visible')).toEqual([
      expect.objectContaining({ name: 'lent', auth: 0 }),
    ]);
    expect(await names('namespace::taken|mode::visible')).toEqual([]);
    expect((await swr({ path: '/v2/manage/namespaces/lent' })).status).toBe(404);
  });

  it('refuses a filter mode other than visible', async () => {
    const result = await swr({
      path: '/v2/manage/namespaces',
      query: { filter: 'namespace::team|mode::all' },
    });
    expect(result.status).toBe(400);
    expect(result.json).toMatchObject([{ errorCode: 'SVCSTG.SWR.4001035' }]);
  });

  it.each([
    [null, 400],
    ['text/plain', 400],
    ['application/json', 200],
    ['application/json;charset=utf-8', 200],
  ])(
    'answers a bodiless GET with Content-Type %j with %i (mandatory on every SWR call)',
    async (type, status) => {
      const result = await swr({ path: '/v2/manage/namespaces', contentType: type });
      expect(result.status).toBe(status);
      if (status === 400)
        expect(result.json).toMatchObject({ error_msg: expect.stringContaining('Content-Type') });
    },
  );

  it('deletes a namespace (204) and answers 404 for a missing one', async () => {
    expect((await swr({ method: 'DELETE', path: '/v2/manage/namespaces/team' })).status).toBe(204);
    expect(emulator.state.swrNamespaces.has('team')).toBe(false);
    expect((await swr({ method: 'DELETE', path: '/v2/manage/namespaces/team' })).status).toBe(404);
    expect((await swr({ method: 'DELETE', path: '/v2/manage/namespaces/taken' })).status).toBe(404);
  });
});
