// Server-side check of a GitHub-style ID token, as an OIDC identity provider in IAM performs it.
import { createVerify, type KeyObject } from 'node:crypto';
import { GITHUB_ISSUER, type JwtClaims } from './jwt.ts';

/** Which check failed; each becomes a distinct message naming it. */
export type JwtCheck = 'format' | 'signature' | 'issuer' | 'audience' | 'expiry';

export type JwtVerdict = { ok: true; claims: JwtClaims } | { ok: false; check: JwtCheck; message: string };

export interface JwtExpectations {
  publicKey: KeyObject;
  audience: string;
  issuer?: string;
  now: Date;
  /** Accepted clock skew (default 60 s). */
  leewaySeconds?: number;
}

/** Verifies an RS256 JWT: signature, then issuer, audience and validity period, in that order. */
export function verifyJwt(token: string, expect: JwtExpectations): JwtVerdict {
  const parts = token.split('.');
  const [header, payload, signature] = parts;
  const parsedHeader = parts.length === 3 ? parseJson(header!) : undefined;
  const claims = parts.length === 3 ? parseJson(payload!) : undefined;
  if (!parsedHeader || !claims) return fail('format', 'The id_token is not a well-formed JWT.');
  if (parsedHeader.alg !== 'RS256')
    return fail(
      'signature',
      `The id_token signature algorithm ${String(parsedHeader.alg)} is not supported.`,
    );
  const valid = createVerify('RSA-SHA256')
    .update(`${header}.${payload}`)
    .verify(expect.publicKey, Buffer.from(signature!, 'base64url'));
  if (!valid)
    return fail(
      'signature',
      'The id_token signature is invalid: it was not signed by the identity provider key.',
    );
  const issuer = expect.issuer ?? GITHUB_ISSUER;
  if (claims.iss !== issuer)
    return fail(
      'issuer',
      `The id_token issuer (iss) ${String(claims.iss)} does not match the identity provider issuer ${issuer}.`,
    );
  const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (!audiences.includes(expect.audience)) {
    return fail(
      'audience',
      `The id_token audience (aud) ${String(claims.aud)} does not match the identity provider client ID.`,
    );
  }
  return checkTimes(claims, expect);
}

function checkTimes(claims: JwtClaims, expect: JwtExpectations): JwtVerdict {
  const now = expect.now.getTime() / 1000;
  const leeway = expect.leewaySeconds ?? 60;
  if (typeof claims.exp !== 'number' || claims.exp + leeway < now) {
    return fail('expiry', 'The id_token has expired (exp is in the past).');
  }
  if (typeof claims.nbf === 'number' && claims.nbf - leeway > now) {
    return fail('expiry', 'The id_token is not yet valid (nbf is in the future).');
  }
  return { ok: true, claims };
}

function fail(check: JwtCheck, message: string): JwtVerdict {
  return { ok: false, check, message };
}

function parseJson(part: string): JwtClaims | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as JwtClaims)
      : undefined;
  } catch {
    return undefined;
  }
}
