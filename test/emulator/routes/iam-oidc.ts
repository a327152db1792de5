// IAM keyless sign-in: GitHub ID token → IAM token (POST /v3.0/OS-AUTH/id-token/tokens) and
// IAM token → temporary AK/SK (POST /v3.0/OS-CREDENTIAL/securitytokens), per huawei-iam-oidc-supplement.md.
// Identity providers come from the seed (`oidcProviders`) or registerOidcProvider (tests hold the key).
import { randomBytes } from 'node:crypto';
import { verifyJwt } from '../../support/oidc/verify-jwt.ts';
import { validIamToken } from '../authenticate.ts';
import { iamTokenBody, issueIamToken } from '../iam-tokens.ts';
import { iamError, isRecord, json, parseJsonBody } from '../responses.ts';
import type { RequestContext, Route } from '../route-types.ts';
import type { EmulatorState, OidcProvider } from '../state.ts';

export type { OidcProvider } from '../state.ts';

/** Registers an identity provider with an emulator's state (replacing one with the same id). */
export function registerOidcProvider(state: EmulatorState, provider: OidcProvider): void {
  state.oidcProviders.set(provider.id, provider);
}

function at(value: unknown, ...keys: string[]): unknown {
  let current = value;
  for (const key of keys) current = isRecord(current) ? current[key] : undefined;
  return current;
}

function createTokenWithIdToken(context: RequestContext) {
  const idpId = context.headers['x-idp-id'];
  if (!idpId) return iamError(400, 'The request header X-Idp-Id is required.', 'Bad Request');
  const provider = context.state.oidcProviders.get(idpId);
  if (!provider) return iamError(404, `The identity provider ${idpId} could not be found.`, 'Not Found');
  const body = parseJsonBody(context);
  const idToken = at(body, 'auth', 'id_token', 'id');
  if (typeof idToken !== 'string' || idToken === '') {
    return iamError(400, 'The request body is invalid: auth.id_token.id is required.', 'Bad Request');
  }
  const verdict = verifyJwt(idToken, {
    publicKey: provider.publicKey,
    audience: provider.audience,
    now: context.now,
    ...(provider.issuer && { issuer: provider.issuer }),
  });
  if (!verdict.ok) return iamError(401, verdict.message, 'Unauthorized');
  const subject = String(verdict.claims.sub ?? '');
  if (provider.subjectPattern && !provider.subjectPattern.test(subject)) {
    return iamError(
      403,
      `No mapping rule of identity provider ${idpId} matches the id_token claims (sub ${subject}).`,
      'Forbidden',
    );
  }
  const { token, record } = issueIamToken(context.state, `${idpId}/${subject}`, 'mapped', context.now);
  const projectName = at(body, 'auth', 'scope', 'project', 'name');
  const response = iamTokenBody(
    context.state,
    record,
    context.now,
    typeof projectName === 'string' ? projectName : undefined,
  );
  const federation = { identity_provider: { id: idpId }, protocol: { id: 'oidc' }, groups: [] };
  const user = { ...response.token.user, name: record.userName, 'OS-FEDERATION': federation };
  return json(201, { token: { ...response.token, user } }, { 'X-Subject-Token': token });
}

/**
 * Temporary AK/SK for a valid token. The emulator's SWR side accepts one account AK/SK, so the
 * pair handed out is the account's, with the account's security token or a fresh one.
 */
function createSecurityToken(context: RequestContext) {
  const body = parseJsonBody(context);
  const methods = at(body, 'auth', 'identity', 'methods');
  if (!Array.isArray(methods) || !methods.includes('token')) {
    return iamError(
      400,
      'The request body is invalid: auth.identity.methods must contain token.',
      'Bad Request',
    );
  }
  const bodyToken = at(body, 'auth', 'identity', 'token', 'id');
  const token = typeof bodyToken === 'string' ? bodyToken : context.headers['x-auth-token'];
  if (!validIamToken(context.state, token, context.now)) {
    return iamError(401, 'The token is invalid or has expired.', 'Unauthorized');
  }
  const duration = at(body, 'auth', 'identity', 'token', 'duration_seconds') ?? 900;
  if (typeof duration !== 'number' || !Number.isInteger(duration) || duration < 900 || duration > 86_400) {
    return iamError(400, 'duration_seconds must be a whole number from 900 to 86400.', 'Bad Request');
  }
  const keys = context.state.credentials.huawei;
  const credential = {
    access: keys.accessKeyId,
    secret: keys.secretAccessKey,
    securitytoken: keys.securityToken ?? `emu-sts-${randomBytes(32).toString('base64url')}`,
    expires_at: new Date(context.now.getTime() + duration * 1000).toISOString(),
  };
  return json(201, { credential });
}

export const iamOidcRoutes: Route[] = [
  { method: 'POST', path: '/v3.0/OS-AUTH/id-token/tokens', provider: 'iam', handle: createTokenWithIdToken },
  {
    method: 'POST',
    path: '/v3.0/OS-CREDENTIAL/securitytokens',
    provider: 'iam',
    handle: createSecurityToken,
  },
];
