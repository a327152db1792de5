import type { ApiClient } from '../http/types.ts';
import { type IamToken, readIamToken } from './iam-token.ts';

/** The IAM identity provider that trusts GitHub, and the project (region) the token is for. */
export interface IdTokenExchange {
  idpId: string;
  /** The GitHub ID token (a JWT). */
  idToken: string;
  /** Project name, which is the region name (e.g. cn-north-4). */
  projectName: string;
}

/** The body of `POST /v3.0/OS-AUTH/id-token/tokens` (huawei-iam-oidc-supplement.md). */
function idTokenBody(idToken: string, projectName: string): unknown {
  return { auth: { id_token: { id: idToken }, scope: { project: { name: projectName } } } };
}

/** Exchanges a GitHub ID token for a project-scoped IAM token (masked as soon as it arrives). */
export async function exchangeIdToken(
  iam: ApiClient,
  exchange: IdTokenExchange,
  now: () => Date = () => new Date(),
): Promise<IamToken> {
  const operation = `exchange the GitHub ID token through identity provider ${exchange.idpId}`;
  const response = await iam.request({
    method: 'POST',
    path: '/v3.0/OS-AUTH/id-token/tokens',
    headers: { 'X-Idp-Id': exchange.idpId },
    body: idTokenBody(exchange.idToken, exchange.projectName),
    operation,
    // Issuing a token creates nothing that a repeat could duplicate.
    retrySafe: true,
  });
  return readIamToken(response, operation, now());
}
