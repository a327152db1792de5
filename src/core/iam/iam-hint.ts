import type { ApiError } from '../errors/errors.ts';

/** Which ID-token check IAM's message says failed, with what to change. */
const OIDC_CHECKS: ReadonlyArray<readonly [RegExp, string]> = [
  [
    /issuer|\biss\b/i,
    'The ID token issuer did not match: the identity provider in IAM must have the issuer ' +
      'https://token.actions.githubusercontent.com (see docs/keyless.md).',
  ],
  [
    /audience|\baud\b|client.?id/i,
    "The ID token audience did not match: set oidc-audience to the identity provider's client ID in IAM " +
      '(or set the client ID to the audience the workflow requests).',
  ],
  [
    /expired|expiry|\bexp\b|not yet valid|\bnbf\b/i,
    'The ID token was outside its validity period: check the runner clock, then re-run the job ' +
      '(GitHub ID tokens are short-lived and are requested right before the exchange).',
  ],
  [
    /signature|signing key|jwks|\bkid\b/i,
    "IAM could not verify the ID token's signature: check the identity provider's signing key " +
      "configuration (GitHub's keys are published at https://token.actions.githubusercontent.com/.well-known/jwks).",
  ],
  [
    /mapping|user group|no rule|rules?/i,
    "IAM found no mapping rule for this workflow's claims: check the identity provider's identity " +
      'conversion rules (repository, ref, environment) and the user group they map to.',
  ],
];

/** A next step for an IAM error, from the operation and IAM's message. */
export function iamHint(error: ApiError): string | undefined {
  if (error.path.includes('/OS-AUTH/id-token/')) return idTokenHint(error);
  if (error.path.includes('/OS-CREDENTIAL/securitytokens')) {
    return (
      'IAM would not issue temporary AK/SK for this token: check that the token is still valid and ' +
      'that the account allows temporary credentials for federated users.'
    );
  }
  if (error.path === '/v3/auth/tokens') return passwordHint(error);
  return undefined;
}

function idTokenHint(error: ApiError): string | undefined {
  for (const [pattern, hint] of OIDC_CHECKS) if (pattern.test(error.providerMessage)) return hint;
  if (error.status === 404) {
    return 'Check idp-id: no IAM identity provider has that id in this account (and iam-endpoint, if set).';
  }
  if (error.status === 401 || error.status === 403) {
    return (
      'IAM rejected the GitHub ID token; check the identity provider (issuer, client ID = oidc-audience, ' +
      'mapping rules) as described in docs/keyless.md.'
    );
  }
  return undefined;
}

function passwordHint(error: ApiError): string | undefined {
  if (error.status === 401) {
    return (
      'Check iam-username, iam-password and iam-domain (the account name, not the user name); ' +
      'a locked or disabled IAM user is also refused.'
    );
  }
  if (error.status === 400 && /project|scope/i.test(error.providerMessage)) {
    return 'Check region: the token is scoped to the project named like the region (e.g. cn-north-4).';
  }
  if (error.status === 403) {
    return (
      'IAM refused the sign-in: check that the user may use programmatic access (API) and is not ' +
      'restricted by an access control list.'
    );
  }
  return undefined;
}
