// RS256 JWTs shaped like GitHub Actions ID tokens, for tests.
import { createSign } from 'node:crypto';
import type { SigningKey } from './keys.ts';

export const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';

export type JwtClaims = Record<string, unknown>;

function base64url(value: string | Buffer): string {
  return Buffer.from(value).toString('base64url');
}

/** Signs claims with RS256 under the key's id. */
export function signJwt(claims: JwtClaims, key: SigningKey): string {
  const header = base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: key.kid }));
  const payload = base64url(JSON.stringify(claims));
  const signature = createSign('RSA-SHA256').update(`${header}.${payload}`).sign(key.privateKey);
  return `${header}.${payload}.${base64url(signature)}`;
}

export interface GithubClaimOptions {
  audience: string;
  /** Issue time (default: now). */
  now?: Date;
  /** Default 300 s, like GitHub's tokens. */
  lifetimeSeconds?: number;
  repository?: string;
  ref?: string;
  /** Extra or overriding claims (e.g. a wrong `iss`). */
  overrides?: JwtClaims;
}

/** The claims GitHub puts into a workflow's ID token (subset that identity providers map). */
export function githubClaims(options: GithubClaimOptions): JwtClaims {
  const issuedAt = Math.floor((options.now ?? new Date()).getTime() / 1000);
  const repository = options.repository ?? 'example/app';
  const ref = options.ref ?? 'refs/heads/main';
  return {
    iss: GITHUB_ISSUER,
    aud: options.audience,
    sub: `repo:${repository}:ref:${ref}`,
    repository,
    repository_owner: repository.split('/')[0],
    ref,
    workflow: 'ci',
    event_name: 'push',
    iat: issuedAt,
    nbf: issuedAt - 5,
    exp: issuedAt + (options.lifetimeSeconds ?? 300),
    jti: `jti-${issuedAt}-${Math.random().toString(36).slice(2)}`,
    ...options.overrides,
  };
}
