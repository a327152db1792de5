// Baidu's SDK has no CCR client, so each CCR endpoint the actions call is checked against the spec line
// it follows (quoted here and found in ../shared/specs): our provider sends the request to a capture
// server, and method, path, query and body must be what the line says. Where the spec is silent the row
// names the recorded choice, and the other form is exercised as well.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../src/core/http/types.ts';
import { connectCcr } from '../../src/providers/ccr/connect.ts';
import { createCcrTemporaryPassword } from '../../src/providers/ccr/credential.ts';
import { getCcrInstance } from '../../src/providers/ccr/instances.ts';
import {
  deleteCcrPersonalProject,
  findCcrPersonalProject,
  listCcrPersonalMembers,
} from '../../src/providers/ccr/personal-projects.ts';
import {
  createPrivateLink,
  deletePrivateLink,
  listPrivateLinks,
} from '../../src/providers/ccr/private-links.ts';
import { createCcrProject, findCcrProject } from '../../src/providers/ccr/projects.ts';
import {
  addWhitelistItem,
  deleteWhitelistItems,
  getPublicLinks,
  setPublicAccess,
} from '../../src/providers/ccr/public-links.ts';
import { ccrProjectTags, deleteCcrTag, eachCcrTagPage, getCcrTag } from '../../src/providers/ccr/tags.ts';
import { getCcrUserProfile } from '../../src/providers/ccr/users.ts';
import { repoRoot } from '../harness/runner.ts';
import {
  type CannedAnswer,
  type CapturedRequest,
  type CaptureServer,
  startCaptureServer,
} from './support/capture-server.ts';

const specs = join(repoRoot, '..', 'shared', 'specs');
const ID = 'ccr-4k74gw7d';
const I = `/v1/instances/${ID}`;

interface SpecRow {
  endpoint: string;
  /** File in ../shared/specs and the line (or part of it) the request follows. */
  spec: { file: string; line: string };
  /** For what the spec does not say: the choice made and its fallback. */
  choice?: string;
  call(api: ApiClient): Promise<unknown>;
  /** Each request expected, in order: method, raw path, query pairs (any order), body. */
  sends: Array<{ method: string; path: string; query?: Array<[string, string]>; body?: unknown }>;
}

const SUPPLEMENT = 'baidu-ccr-enterprise-supplement.md';
const ACCESS = 'baidu-ccr-enterprise-access-control-apis.txt';
const PERSONAL = 'baidu-ccr-personal-namespace-apis.txt';
const page = (n = '100'): Array<[string, string]> => [
  ['pageNo', '1'],
  ['pageSize', n],
];

const rows: SpecRow[] = [
  {
    endpoint: 'temporary password',
    spec: {
      file: SUPPLEMENT,
      line: '`POST /v1/instances/{instanceId}/credential`, JSON body `{"duration": <hours, integer>}`',
    },
    call: (api) => createCcrTemporaryPassword(api, ID, 2),
    sends: [{ method: 'POST', path: `${I}/credential`, body: { duration: 2 } }],
  },
  {
    endpoint: 'docker user name from the profile',
    spec: { file: SUPPLEMENT, line: '`GET /v1/users/profile?userId={userId}`' },
    call: (api) => getCcrUserProfile(api, 'u-42'),
    sends: [{ method: 'GET', path: '/v1/users/profile', query: [['userId', 'u-42']] }],
  },
  {
    endpoint: 'instance detail',
    spec: { file: SUPPLEMENT, line: '`GET /v1/instances/{instanceId}` → `{"info":' },
    call: (api) => getCcrInstance(api, ID),
    sends: [{ method: 'GET', path: I }],
  },
  {
    endpoint: 'create a namespace',
    spec: {
      file: SUPPLEMENT,
      line: '`POST /v1/instances/{instanceId}/projects`, body `{"projectName": "...", "public": "true"|"false"}`',
    },
    call: (api) => createCcrProject(api, ID, { projectName: 'team', public: false }),
    sends: [{ method: 'POST', path: `${I}/projects`, body: { projectName: 'team', public: 'false' } }],
  },
  {
    endpoint: 'look up a namespace by name',
    spec: { file: SUPPLEMENT, line: '## Create namespace' },
    choice:
      'not in the spec copy: GET …/projects?projectName= read under "items" (as every enterprise list); ' +
      'fallback when the answer has no items list: GET …/projects/{projectName}, 404 = absent',
    call: (api) => findCcrProject(api, ID, 'team'),
    sends: [{ method: 'GET', path: `${I}/projects`, query: [['projectName', 'team'], ...page()] }],
  },
  {
    endpoint: 'list the tags of a repository',
    spec: {
      file: SUPPLEMENT,
      line: '`GET /v1/instances/{instanceId}/projects/{projectName}/repositories/{repositoryName}/tags?tagName=&pageNo=&pageSize=`',
    },
    call: (api) => eachCcrTagPage(api, ID, 'team', 'web', 'single', { page: () => {} }),
    sends: [{ method: 'GET', path: `${I}/projects/team/repositories/web/tags`, query: page() }],
  },
  {
    endpoint: 'tag detail',
    spec: { file: SUPPLEMENT, line: '- Detail: `GET .../tags/{tagName}`' },
    call: (api) => getCcrTag(api, ID, 'team', 'web', 'v1.0'),
    sends: [{ method: 'GET', path: `${I}/projects/team/repositories/web/tags/v1.0` }],
  },
  {
    endpoint: 'delete a tag',
    spec: { file: SUPPLEMENT, line: '- Delete: `DELETE .../tags/{tagName}` → 200 with no body.' },
    call: (api) => deleteCcrTag(api, ID, 'team', 'web', 'v1.0'),
    sends: [{ method: 'DELETE', path: `${I}/projects/team/repositories/web/tags/v1.0` }],
  },
  {
    endpoint: 'list the tags of a repository whose name has a slash',
    spec: { file: SUPPLEMENT, line: '/repositories/{repositoryName}/tags' },
    choice:
      'the spec does not say how "/" travels: %2F first; on 404, %252F (Harbor-based APIs), kept for deletes',
    call: (api) => ccrProjectTags(api, ID, 'team').eachPage('web/app', { page: () => {} }),
    sends: [{ method: 'GET', path: `${I}/projects/team/repositories/web%2Fapp/tags`, query: page() }],
  },
  {
    endpoint: 'public access status and allowlist',
    spec: { file: ACCESS, line: '1GET /v1/instances/{instanceId}/publiclinks HTTP/1.1' },
    call: (api) => getPublicLinks(api, ID),
    sends: [{ method: 'GET', path: `${I}/publiclinks` }],
  },
  {
    endpoint: 'open or close public access',
    spec: { file: ACCESS, line: '1PUT /v1/instances/{instanceId}/publiclinks HTTP/1.1' },
    call: (api) => setPublicAccess(api, ID, 'open'),
    sends: [{ method: 'PUT', path: `${I}/publiclinks`, body: { action: 'open' } }],
  },
  {
    endpoint: 'add an allowlist entry',
    spec: { file: ACCESS, line: '1POST /v1/instances/{instanceId}/publiclinks/whitelist HTTP/1.1' },
    call: (api) => addWhitelistItem(api, ID, { ipAddr: '203.0.113.7', description: 'ci' }),
    sends: [
      {
        method: 'POST',
        path: `${I}/publiclinks/whitelist`,
        body: { ipAddr: '203.0.113.7', description: 'ci' },
      },
    ],
  },
  {
    endpoint: 'delete allowlist entries',
    spec: { file: ACCESS, line: '1DELETE  /v1/instances/{instanceId}/publiclinks/whitelist HTTP/1.1' },
    call: (api) => deleteWhitelistItems(api, ID, ['203.0.113.7']),
    sends: [{ method: 'DELETE', path: `${I}/publiclinks/whitelist`, body: { items: ['203.0.113.7'] } }],
  },
  {
    endpoint: 'list private links',
    spec: { file: ACCESS, line: '1GET /v1/instances/{instanceId}/privatelinks HTTP/1.1' },
    call: (api) => listPrivateLinks(api, ID),
    sends: [{ method: 'GET', path: `${I}/privatelinks` }],
  },
  {
    endpoint: 'create a private link',
    spec: { file: ACCESS, line: '1POST /v1/instances/{instanceId}/privatelinks HTTP/1.1' },
    call: (api) =>
      createPrivateLink(api, ID, {
        vpcID: 'vpc-1',
        subnetID: 'sbn-1',
        ipType: 'auto',
        ipAddress: '',
        autoDnsResolve: true,
      }),
    sends: [
      {
        method: 'POST',
        path: `${I}/privatelinks`,
        body: { vpcID: 'vpc-1', subnetID: 'sbn-1', ipType: 'auto', ipAddress: '', autoDnsResolve: true },
      },
    ],
  },
  {
    endpoint: 'delete a private link',
    spec: { file: ACCESS, line: '1DELETE /v1/instances/{instanceId}/privatelinks HTTP/1.1' },
    call: (api) => deletePrivateLink(api, ID, { vpcID: 'vpc-1', subnetID: 'sbn-1' }),
    sends: [{ method: 'DELETE', path: `${I}/privatelinks`, body: { vpcID: 'vpc-1', subnetID: 'sbn-1' } }],
  },
  {
    endpoint: 'personal: look up a namespace (keyword search)',
    spec: {
      file: PERSONAL,
      line: '| keywordType | String | No | Query | Query keyword types, currently only supporting name |',
    },
    call: (api) => findCcrPersonalProject(api, 'team'),
    sends: [
      {
        method: 'GET',
        path: '/v1/ccr/projects',
        query: [['keyword', 'team'], ['keywordType', 'name'], ...page()],
      },
    ],
  },
  {
    endpoint: 'personal: namespace members',
    spec: { file: PERSONAL, line: '1 GET /v1/ccr/projects/{projectId}/members HTTP/1.1' },
    call: (api) => listCcrPersonalMembers(api, 1001),
    sends: [{ method: 'GET', path: '/v1/ccr/projects/1001/members', query: page() }],
  },
  {
    endpoint: 'personal: delete a namespace',
    spec: { file: PERSONAL, line: '1DELETE /v1/ccr/projects/{projectId} HTTP/1.1' },
    call: (api) => deleteCcrPersonalProject(api, 1001),
    sends: [{ method: 'DELETE', path: '/v1/ccr/projects/1001' }],
  },
];

/** Bodies the calls can read (the shapes of the spec's response examples). */
function answer(request: CapturedRequest): CannedAnswer {
  const path = request.rawPath;
  if (path.endsWith('/credential')) return { body: { password: 'p' } };
  if (path === '/v1/users/profile') return { body: { name: 'docker-user' } };
  if (path.endsWith('/publiclinks') && request.method === 'GET')
    return { body: { status: 'opened', whitelist: [] } };
  if (path.endsWith('/privatelinks') && request.method === 'GET') return { body: { items: [] } };
  if (path.startsWith('/v1/ccr/')) return { body: { result: [], totalCount: 0, pageNo: 1, pageSize: 100 } };
  if (request.method === 'GET' && /\/(projects|tags)$/.test(path)) return { body: { items: [], total: 0 } };
  if (path.endsWith('/v1.0')) return { body: { tagName: 'v1.0' } };
  return { body: {} };
}

let server: CaptureServer;
let api: ApiClient;

beforeAll(async () => {
  server = await startCaptureServer(answer);
  api = await connectCcr({
    provider: 'ccr',
    region: 'bj',
    endpoint: new URL(server.url),
    instanceId: ID,
    auth: {
      method: 'aksk',
      credentials: { accessKeyId: 'ak', secretAccessKey: 'sk' },
      source: 'contract test',
    },
  });
});

afterAll(async () => {
  await server.close();
});

const sorted = (query: Array<[string, string]>) =>
  [...query].sort(([a, x], [b, y]) => a.localeCompare(b) || x.localeCompare(y));

describe('CCR requests follow the spec line of each endpoint', () => {
  it.each(rows)('$endpoint', async (row) => {
    expect(readFileSync(join(specs, row.spec.file), 'utf8')).toContain(row.spec.line);
    server.requests.length = 0;
    await row.call(api);
    expect(
      server.requests.map((r) => ({
        method: r.method,
        path: r.rawPath,
        query: r.query,
        ...(r.body === undefined ? {} : { body: r.body }),
      })),
    ).toEqual(
      row.sends.map((s) => ({
        method: s.method,
        path: s.path,
        query: sorted(s.query ?? []),
        ...(s.body === undefined ? {} : { body: s.body }),
      })),
    );
  });

  it('falls back to the namespace detail when the project list has no items list (the other form)', async () => {
    const other = await startCaptureServer((r) =>
      r.rawPath.endsWith('/projects')
        ? { body: { projects: [], total: 0 } }
        : { body: { projectName: 'team' } },
    );
    try {
      const viaOther = await connectCcr({
        provider: 'ccr',
        region: 'bj',
        endpoint: new URL(other.url),
        instanceId: ID,
        auth: {
          method: 'aksk',
          credentials: { accessKeyId: 'ak', secretAccessKey: 'sk' },
          source: 'contract test',
        },
      });
      expect(await findCcrProject(viaOther, ID, 'team')).toMatchObject({ projectName: 'team' });
      expect(other.requests.map((r) => `${r.method} ${r.rawPath}`)).toEqual([
        `GET ${I}/projects`,
        `GET ${I}/projects/team`,
      ]);
    } finally {
      await other.close();
    }
  });

  it('retries a repository with a slash double-encoded after a 404, then deletes in that form (the other form)', async () => {
    const other = await startCaptureServer((r) =>
      r.rawPath.includes('web%2Fapp')
        ? { status: 404, body: { code: 'NotFound', message: 'no' } }
        : { body: { items: [], total: 0 } },
    );
    try {
      const viaOther = await connectCcr({
        provider: 'ccr',
        region: 'bj',
        endpoint: new URL(other.url),
        instanceId: ID,
        auth: {
          method: 'aksk',
          credentials: { accessKeyId: 'ak', secretAccessKey: 'sk' },
          source: 'contract test',
        },
      });
      const tags = ccrProjectTags(viaOther, ID, 'team');
      await tags.eachPage('web/app', { page: () => {} });
      await tags.delete('web/app', 'old');
      expect(other.requests.map((r) => `${r.method} ${r.rawPath}`)).toEqual([
        `GET ${I}/projects/team/repositories/web%2Fapp/tags`,
        `GET ${I}/projects/team/repositories/web%252Fapp/tags`,
        `DELETE ${I}/projects/team/repositories/web%252Fapp/tags/old`,
      ]);
    } finally {
      await other.close();
    }
  });
});
