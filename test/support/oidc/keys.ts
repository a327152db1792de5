// RSA key pairs for the test identity provider (node:crypto only).
import { generateKeyPairSync, type KeyObject, randomBytes } from 'node:crypto';

/** A signing key as an identity provider holds it: the key id goes into each JWT header. */
export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

/** A fresh RSA-2048 key pair with a random key id. */
export function generateSigningKey(): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { kid: randomBytes(8).toString('hex'), privateKey, publicKey };
}

/** The public key as a JWK (what an issuer publishes at its jwks_uri). */
export function publicJwk(key: SigningKey): Record<string, unknown> {
  return { ...key.publicKey.export({ format: 'jwk' }), kid: key.kid, alg: 'RS256', use: 'sig' };
}
