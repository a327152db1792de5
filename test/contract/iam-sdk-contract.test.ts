// The IAM operations the actions use (password token, GitHub ID token exchange, temporary AK/SK from a
// token), sent through Huawei's official IAM SDK and through ours to one capture server: method, path,
// query, Content-Type media type, body and the operation's own header must match.
import type { IamClient } from '@huaweicloud/huaweicloud-sdk-iam/v3/public-api.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../src/core/http/types.ts';
import { exchangeIdToken } from '../../src/core/iam/oidc-token.ts';
import { requestPasswordToken } from '../../src/core/iam/password-token.ts';
import { requestSecurityToken } from '../../src/core/iam/security-token.ts';
import { connectIam } from '../../src/providers/swr/connect.ts';
import { type CapturedRequest, type CaptureServer, startCaptureServer } from './support/capture-server.ts';
import { CONTRACT_KEYS, iamSdk, sdkIamClient } from './support/sdk-clients.ts';

const REGION = 'cn-north-4';
const user = { username: 'ci-bot', password: 'contract-password-1', domain: 'contract-account' };
const idToken = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJyZXBvOngveTpyZWY6cmVmcy9oZWFkcy9tYWluIn0.c2ln';
const expiresAt = '2031-01-01T00:00:00.000000Z';

function answer(request: CapturedRequest) {
  if (request.rawPath === '/v3.0/OS-CREDENTIAL/securitytokens') {
    return {
      status: 201,
      body: {
        credential: { access: 'TMPAK', secret: 'tmp-sk', securitytoken: 'tmp-token', expires_at: expiresAt },
      },
    };
  }
  return {
    status: 201,
    headers: { 'X-Subject-Token': 'contract-iam-token' },
    body: { token: { expires_at: expiresAt } },
  };
}

interface ContractCase {
  operation: string;
  /** A header the operation itself defines (not auth), compared too. */
  header?: string;
  sdk(client: IamClient): Promise<unknown>;
  ours(api: ApiClient): Promise<unknown>;
}

const {
  AuthScope,
  AuthScopeProject,
  CreateTemporaryAccessKeyByTokenRequest,
  CreateTemporaryAccessKeyByTokenRequestBody,
  CreateTokenWithIdTokenRequest,
  GetIdTokenAuthParams,
  GetIdTokenIdScopeBody,
  GetIdTokenIdTokenBody,
  GetIdTokenRequestBody,
  GetIdTokenScopeDomainOrProjectBody,
  IdentityToken,
  KeystoneCreateUserTokenByPasswordRequest,
  KeystoneCreateUserTokenByPasswordRequestBody,
  PwdAuth,
  PwdIdentity,
  PwdPassword,
  PwdPasswordUser,
  PwdPasswordUserDomain,
  TokenAuth,
  TokenAuthIdentity,
} = iamSdk;

const cases: ContractCase[] = [
  {
    operation: 'get a project-scoped token with a password (POST /v3/auth/tokens)',
    sdk: (c) =>
      c.keystoneCreateUserTokenByPassword(
        new KeystoneCreateUserTokenByPasswordRequest().withBody(
          new KeystoneCreateUserTokenByPasswordRequestBody().withAuth(
            new PwdAuth()
              .withIdentity(
                new PwdIdentity()
                  .withMethods(['password'])
                  .withPassword(
                    new PwdPassword().withUser(
                      new PwdPasswordUser()
                        .withName(user.username)
                        .withPassword(user.password)
                        .withDomain(new PwdPasswordUserDomain().withName(user.domain)),
                    ),
                  ),
              )
              .withScope(new AuthScope().withProject(new AuthScopeProject().withName(REGION))),
          ),
        ),
      ),
    ours: (api) => requestPasswordToken(api, user, REGION),
  },
  {
    operation: 'exchange an OpenID Connect ID token (POST /v3.0/OS-AUTH/id-token/tokens, X-Idp-Id)',
    header: 'x-idp-id',
    sdk: (c) =>
      c.createTokenWithIdToken(
        new CreateTokenWithIdTokenRequest()
          .withXIdpId('github-actions')
          .withBody(
            new GetIdTokenRequestBody().withAuth(
              new GetIdTokenAuthParams()
                .withIdToken(new GetIdTokenIdTokenBody().withId(idToken))
                .withScope(
                  new GetIdTokenIdScopeBody().withProject(
                    new GetIdTokenScopeDomainOrProjectBody().withName(REGION),
                  ),
                ),
            ),
          ),
      ),
    ours: (api) => exchangeIdToken(api, { idpId: 'github-actions', idToken, projectName: REGION }),
  },
  {
    operation: 'temporary AK/SK from a token (POST /v3.0/OS-CREDENTIAL/securitytokens, token method)',
    sdk: (c) =>
      c.createTemporaryAccessKeyByToken(
        new CreateTemporaryAccessKeyByTokenRequest().withBody(
          new CreateTemporaryAccessKeyByTokenRequestBody().withAuth(
            new TokenAuth().withIdentity(
              new TokenAuthIdentity()
                .withMethods(['token'])
                .withToken(new IdentityToken().withDurationSeconds(900)),
            ),
          ),
        ),
      ),
    ours: (api) => requestSecurityToken(api, 'contract-iam-token', 900),
  },
];

let server: CaptureServer;
let sdk: IamClient;
let ours: ApiClient;

beforeAll(async () => {
  server = await startCaptureServer(answer);
  sdk = sdkIamClient(server.url);
  ours = connectIam({
    provider: 'swr',
    region: REGION,
    iamEndpoint: new URL(server.url),
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

function comparable(request: CapturedRequest, header: string | undefined) {
  return {
    method: request.method,
    rawPath: request.rawPath,
    query: request.query,
    mediaType: request.mediaType,
    body: request.body,
    ...(header ? { [header]: request.headers[header] } : {}),
  };
}

describe('IAM requests match the official SDK (@huaweicloud/huaweicloud-sdk-iam)', () => {
  it.each(cases)('$operation', async ({ sdk: viaSdk, ours: viaOurs, header }) => {
    const expected = await sent(() => viaSdk(sdk));
    const actual = await sent(() => viaOurs(ours));
    expect(expected).toHaveLength(1);
    expect(actual.map((r) => comparable(r, header))).toEqual(expected.map((r) => comparable(r, header)));
  });
});
