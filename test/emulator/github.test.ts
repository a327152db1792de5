// The fake GitHub API: token and permission checks, GitHub's paging, GraphQL checked against GitHub's schema.
import { describe, expect, it } from 'vitest';
import { closedAfterEach } from '../support/closed-after-each.ts';
import { startEmulator } from './index.ts';
import { parseSeed } from './seed-parse.ts';
import { call } from './test-client.ts';

const emulatorForTest = closedAfterEach(startEmulator);
const seed = parseSeed({
  github: {
    tokens: [{ token: 'ghs_ok' }, { token: 'ghs_norelease', permissions: { contents: 'none' } }],
    repositories: [
      {
        fullName: 'example/app',
        releases: Array.from({ length: 5 }, (_, i) => ({ tagName: `v${i}` })),
        deployments: [{ environment: 'prod', state: 'ACTIVE', sha: 'abc' }],
      },
    ],
  },
});
const auth = (token: string) => ({ authorization: `token ${token}` });
const releases = '/github-api/repos/example/app/releases';

describe('fake GitHub API', () => {
  it('pages releases newest first with a Link header, as GitHub does', async () => {
    const e = await emulatorForTest({ seed });
    const first = await call(e.url, { path: releases, query: { per_page: '2' }, headers: auth('ghs_ok') });
    expect(first.status).toBe(200);
    expect((first.json as Array<{ tag_name: string }>).map((r) => r.tag_name)).toEqual(['v4', 'v3']);
    expect(first.headers.link).toBe(
      `<${e.url}${releases}?per_page=2&page=2>; rel="next", <${e.url}${releases}?per_page=2&page=3>; rel="last"`,
    );
  });

  it('answers 401 to an unknown token, 403 without the permission, 404 for an unknown repository', async () => {
    const e = await emulatorForTest({ seed });
    expect((await call(e.url, { path: releases, headers: auth('nope') })).json).toMatchObject({
      message: 'Bad credentials',
    });
    const refused = await call(e.url, { path: releases, headers: auth('ghs_norelease') });
    expect([refused.status, (refused.json as { message: string }).message]).toEqual([
      403,
      'Resource not accessible by integration',
    ]);
    expect(
      (await call(e.url, { path: '/github-api/repos/example/other/releases', headers: auth('ghs_ok') }))
        .status,
    ).toBe(404);
  });

  it('runs GraphQL queries against GitHub’s schema and refuses mutations', async () => {
    const e = await emulatorForTest({ seed });
    const graphql = (query: string) =>
      call(e.url, {
        method: 'POST',
        path: '/github-api/graphql',
        headers: auth('ghs_ok'),
        body: { query, variables: {} },
      });
    const ok = await graphql(
      '{ repository(owner: "example", name: "app") { deployments(first: 5) { totalCount nodes { state commitOid } } } }',
    );
    expect(ok.json).toEqual({
      data: {
        repository: { deployments: { totalCount: 1, nodes: [{ state: 'ACTIVE', commitOid: 'abc' }] } },
      },
    });
    const invalid = await graphql('{ repository(owner: "example", name: "app") { bogus } }');
    expect((invalid.json as { errors: Array<{ message: string }> }).errors[0]?.message).toMatch(
      /Cannot query field "bogus"/,
    );
    const mutation = await graphql('mutation { addStar(input: {starrableId: "x"}) { clientMutationId } }');
    expect((mutation.json as { errors: Array<{ message: string }> }).errors[0]?.message).toBe(
      'the fake GitHub API is read-only: mutation refused',
    );
  });

  it('rejects a malformed github seed naming the field', () => {
    expect(() => parseSeed({ github: { repositories: [{ fullName: 'app' }] } })).toThrow(
      'seed: github.repositories[0].fullName must be owner/name',
    );
    expect(() =>
      parseSeed({
        github: {
          repositories: [{ fullName: 'a/b', deployments: [{ sha: 'x', environment: 'p', state: 'LIVE' }] }],
        },
      }),
    ).toThrow(/github\.repositories\[0\]\.deployments\[0\]\.state must be one of ABANDONED, ACTIVE/);
  });
});
