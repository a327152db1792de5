// Every SWR operation the actions use, sent once through Huawei's official SDK and once through our
// provider to the same capture server: method, path (the `$` rule included), query, Content-Type and
// body must be the same. The SDK is the oracle; the emulator plays no part.
import type { SwrClient } from '@huaweicloud/huaweicloud-sdk-swr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../src/core/http/types.ts';
import { connectSwr } from '../../src/providers/swr/connect.ts';
import { createSwrLoginSecret } from '../../src/providers/swr/login-secret.ts';
import {
  createSwrNamespace,
  deleteSwrNamespace,
  findSwrNamespace,
} from '../../src/providers/swr/namespaces.ts';
import {
  getSwrNamespaceAccess,
  grantSwrNamespaceAccess,
  revokeSwrNamespaceAccess,
  updateSwrNamespaceAccess,
} from '../../src/providers/swr/permissions.ts';
import {
  createSwrRepository,
  deleteSwrRepository,
  listSwrRepositories,
  updateSwrRepository,
} from '../../src/providers/swr/repositories.ts';
import {
  createSwrRetention,
  deleteSwrRetention,
  listSwrRetentions,
  updateSwrRetention,
} from '../../src/providers/swr/retentions.ts';
import { deleteSwrTag, listSwrTags } from '../../src/providers/swr/tags.ts';
import {
  type CannedAnswer,
  type CapturedRequest,
  type CaptureServer,
  startCaptureServer,
} from './support/capture-server.ts';
import { CONTRACT_KEYS, sdkSwrClient, swrSdk } from './support/sdk-clients.ts';

const {
  CreateNamespaceAuthRequest,
  CreateNamespaceRequest,
  CreateNamespaceRequestBody,
  CreateRepoRequest,
  CreateRepoRequestBody,
  CreateRetentionRequest,
  CreateRetentionRequestBody,
  CreateSecretRequest,
  DeleteNamespaceAuthRequest,
  DeleteNamespacesRequest,
  DeleteRepoRequest,
  DeleteRepoTagRequest,
  DeleteRetentionRequest,
  ListNamespacesRequest,
  ListReposDetailsRequest,
  ListRepositoryTagsRequest,
  ListRetentionsRequest,
  Rule,
  ShowNamespaceAuthRequest,
  TagSelector,
  UpdateNamespaceAuthRequest,
  UpdateRepoRequest,
  UpdateRepoRequestBody,
  UpdateRetentionRequest,
  UpdateRetentionRequestBody,
  UserAuth,
} = swrSdk;

const REGION = 'cn-north-4';
const JSON_TYPE = 'application/json';
const secretAuth = Buffer.from(`${REGION}@CONTRACTAK:contract-password`).toString('base64');

/** Answers shaped like SWR's, so both clients finish their call (and ours stops paging). */
function answer(request: CapturedRequest): CannedAnswer {
  const path = request.rawPath;
  if (request.method === 'POST' && path === '/v2/manage/utils/secret') {
    return { body: { auths: { [`swr.${REGION}.myhuaweicloud.com`]: { auth: secretAuth } } } };
  }
  if (request.method !== 'GET') return path.endsWith('/retentions') ? { status: 201, body: { id: 7 } } : {};
  if (path === '/v2/manage/namespaces') return { body: { namespaces: [] } };
  if (path.endsWith('/access')) return { body: {} };
  if (/\/(tags|retentions)$|^\/v2\/manage\/repos$/.test(path)) {
    return { body: [], headers: { 'Content-Range': '0-0/0' } };
  }
  return { body: { name: 'web', is_public: false } };
}

interface ContractCase {
  /** The SWR operation (spec section) both sides send. */
  operation: string;
  sdk(client: SwrClient): Promise<unknown>;
  ours(api: ApiClient): Promise<unknown>;
}

const permissions = [{ user_id: 'u-1', user_name: 'dev', auth: 3 }];
const rules = [
  {
    template: 'tag_rule' as const,
    params: { num: '10' },
    tag_selectors: [{ kind: 'regexp' as const, pattern: '^v' }],
  },
];

const cases: ContractCase[] = [
  {
    operation: 'create a temporary login command (POST /v2/manage/utils/secret)',
    sdk: (c) => c.createSecret(new CreateSecretRequest().withProjectname(REGION)),
    ours: (api) => createSwrLoginSecret(api, REGION),
  },
  {
    operation: 'list organizations by name (filter=namespace::{ns})',
    sdk: (c) =>
      c.listNamespaces(new ListNamespacesRequest().withContentType(JSON_TYPE).withFilter('namespace::team')),
    ours: (api) => findSwrNamespace(api, 'team'),
  },
  {
    operation: 'list visible organizations (filter=namespace::{ns}|mode::visible)',
    sdk: (c) =>
      c.listNamespaces(
        new ListNamespacesRequest().withContentType(JSON_TYPE).withFilter('namespace::team|mode::visible'),
      ),
    ours: (api) => findSwrNamespace(api, 'team', 'visible'),
  },
  {
    operation: 'create an organization',
    sdk: (c) =>
      c.createNamespace(
        new CreateNamespaceRequest()
          .withContentType(JSON_TYPE)
          .withBody(new CreateNamespaceRequestBody().withNamespace('team')),
      ),
    ours: (api) => createSwrNamespace(api, 'team'),
  },
  {
    operation: 'delete an organization',
    sdk: (c) =>
      c.deleteNamespaces(new DeleteNamespacesRequest().withContentType(JSON_TYPE).withNamespace('team')),
    ours: (api) => deleteSwrNamespace(api, 'team'),
  },
  {
    operation: 'list repositories of an organization (paged)',
    sdk: (c) =>
      c.listReposDetails(
        new ListReposDetailsRequest()
          .withContentType(JSON_TYPE)
          .withNamespace('team')
          .withOffset('0')
          .withLimit('100'),
      ),
    ours: (api) => listSwrRepositories(api, { namespace: 'team' }),
  },
  {
    operation: 'create a repository',
    sdk: (c) =>
      c.createRepo(
        new CreateRepoRequest()
          .withContentType(JSON_TYPE)
          .withNamespace('team')
          .withBody(
            new CreateRepoRequestBody()
              .withRepository('web/api')
              .withIsPublic(false)
              .withCategory('app_server')
              .withDescription('api'),
          ),
      ),
    ours: (api) =>
      createSwrRepository(api, 'team', 'web/api', {
        is_public: false,
        category: 'app_server',
        description: 'api',
      }),
  },
  {
    operation: 'update a repository',
    sdk: (c) =>
      c.updateRepo(
        new UpdateRepoRequest()
          .withContentType(JSON_TYPE)
          .withNamespace('team')
          .withRepository('web$api')
          .withBody(
            new UpdateRepoRequestBody().withIsPublic(true).withCategory('linux').withDescription('d'),
          ),
      ),
    ours: (api) =>
      updateSwrRepository(api, 'team', 'web/api', { is_public: true, category: 'linux', description: 'd' }),
  },
  {
    operation: 'delete a repository',
    sdk: (c) =>
      c.deleteRepo(
        new DeleteRepoRequest().withContentType(JSON_TYPE).withNamespace('team').withRepository('web$api'),
      ),
    ours: (api) => deleteSwrRepository(api, 'team', 'web/api'),
  },
  {
    operation: 'list the tags of a repository (paged)',
    sdk: (c) =>
      c.listRepositoryTags(
        new ListRepositoryTagsRequest()
          .withContentType(JSON_TYPE)
          .withNamespace('team')
          .withRepository('web$api')
          .withOffset('0')
          .withLimit('100'),
      ),
    ours: (api) => listSwrTags(api, 'team', 'web/api'),
  },
  {
    operation: 'delete the image with a specified tag',
    sdk: (c) =>
      c.deleteRepoTag(
        new DeleteRepoTagRequest().withNamespace('team').withRepository('web$api').withTag('v1.2.0'),
      ),
    ours: (api) => deleteSwrTag(api, 'team', 'web/api', 'v1.2.0'),
  },
  {
    operation: 'read organization permissions',
    sdk: (c) =>
      c.showNamespaceAuth(new ShowNamespaceAuthRequest().withContentType(JSON_TYPE).withNamespace('team')),
    ours: (api) => getSwrNamespaceAccess(api, 'team'),
  },
  {
    operation: 'grant organization permissions',
    sdk: (c) =>
      c.createNamespaceAuth(
        new CreateNamespaceAuthRequest()
          .withContentType(JSON_TYPE)
          .withNamespace('team')
          .withBody([new UserAuth('u-1', 'dev', 3)]),
      ),
    ours: (api) => grantSwrNamespaceAccess(api, 'team', permissions),
  },
  {
    operation: 'update organization permissions',
    sdk: (c) =>
      c.updateNamespaceAuth(
        new UpdateNamespaceAuthRequest()
          .withContentType(JSON_TYPE)
          .withNamespace('team')
          .withBody([new UserAuth('u-1', 'dev', 3)]),
      ),
    ours: (api) => updateSwrNamespaceAccess(api, 'team', permissions),
  },
  {
    operation: 'delete organization permissions (user ids in the body)',
    sdk: (c) =>
      c.deleteNamespaceAuth(
        new DeleteNamespaceAuthRequest().withContentType(JSON_TYPE).withNamespace('team').withBody(['u-1']),
      ),
    ours: (api) => revokeSwrNamespaceAccess(api, 'team', ['u-1']),
  },
  {
    operation: 'list retention policies',
    sdk: (c) =>
      c.listRetentions(
        new ListRetentionsRequest()
          .withContentType(JSON_TYPE)
          .withNamespace('team')
          .withRepository('web$api'),
      ),
    ours: (api) => listSwrRetentions(api, 'team', 'web/api'),
  },
  {
    operation: 'create a retention policy',
    sdk: (c) =>
      c.createRetention(
        new CreateRetentionRequest()
          .withContentType(JSON_TYPE)
          .withNamespace('team')
          .withRepository('web$api')
          .withBody(
            new CreateRetentionRequestBody('or', [
              new Rule('tag_rule', { num: '10' }, [new TagSelector('regexp', '^v')]),
            ]),
          ),
      ),
    ours: (api) => createSwrRetention(api, 'team', 'web/api', { algorithm: 'or', rules }),
  },
  {
    operation: 'update a retention policy',
    sdk: (c) =>
      c.updateRetention(
        new UpdateRetentionRequest()
          .withContentType(JSON_TYPE)
          .withNamespace('team')
          .withRepository('web$api')
          .withRetentionId(7)
          .withBody(
            new UpdateRetentionRequestBody('or', [
              new Rule('tag_rule', { num: '10' }, [new TagSelector('regexp', '^v')]),
            ]),
          ),
      ),
    ours: (api) => updateSwrRetention(api, 'team', 'web/api', 7, { algorithm: 'or', rules }),
  },
  {
    operation: 'delete a retention policy',
    sdk: (c) =>
      c.deleteRetention(
        new DeleteRetentionRequest()
          .withContentType(JSON_TYPE)
          .withNamespace('team')
          .withRepository('web$api')
          .withRetentionId(7),
      ),
    ours: (api) => deleteSwrRetention(api, 'team', 'web/api', 7),
  },
];

/** What the contract compares: the request as the server acts on it. */
function comparable(request: CapturedRequest) {
  return {
    method: request.method,
    rawPath: request.rawPath,
    segments: request.segments,
    query: request.query,
    mediaType: request.mediaType,
    body: request.body,
  };
}

let server: CaptureServer;
let sdk: SwrClient;
let ours: ApiClient;

beforeAll(async () => {
  server = await startCaptureServer(answer);
  sdk = sdkSwrClient(server.url);
  ours = await connectSwr({
    provider: 'swr',
    region: REGION,
    endpoint: new URL(server.url),
    auth: { method: 'aksk', credentials: CONTRACT_KEYS, source: 'contract test' },
  });
});

afterAll(async () => {
  await server.close();
});

async function sent(send: () => Promise<unknown>): Promise<CapturedRequest[]> {
  server.requests.length = 0;
  await send();
  return [...server.requests];
}

describe('SWR requests match the official SDK (@huaweicloud/huaweicloud-sdk-swr)', () => {
  it.each(cases)('$operation', async ({ sdk: viaSdk, ours: viaOurs }) => {
    const expected = await sent(() => viaSdk(sdk));
    const actual = await sent(() => viaOurs(ours));
    expect(expected).toHaveLength(1);
    expect(actual.map(comparable)).toEqual(expected.map(comparable));
    expect(actual[0]?.contentType).toMatch(/^application\/json(;charset=utf-8)?$/i);
  });

  it('covers every SWR path pattern the actions call (the IAM-action table of swr/connect.ts)', async () => {
    const { swrActionFor } = await import('../../src/providers/swr/connect.ts');
    const seen = new Set<string>();
    for (const c of cases) {
      for (const request of await sent(() => c.ours(ours))) {
        const action = swrActionFor(request.method, request.rawPath);
        if (action) seen.add(action);
      }
    }
    expect(seen.size).toBeGreaterThanOrEqual(16);
  });
});
