// The seed's `oidcProviders`: checked (key parses, pattern compiles), built into state, snapshotted.
import { createPublicKey, type JsonWebKey, type KeyObject } from 'node:crypto';
import type { OidcProviderSeed } from './seed-types.ts';
import type { OidcProvider } from './state.ts';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function publicKeyOf(seed: OidcProviderSeed): KeyObject {
  if (seed.publicKeyPem !== undefined) return createPublicKey(seed.publicKeyPem);
  return createPublicKey({ key: seed.publicKeyJwk as JsonWebKey, format: 'jwk' });
}

function checkOne(item: unknown, at: string): void {
  if (!isObject(item)) throw new Error(`seed: ${at} must be an object`);
  for (const key of ['id', 'audience']) {
    if (typeof item[key] !== 'string' || item[key] === '')
      throw new Error(`seed: ${at}.${key} must be a string`);
  }
  for (const key of ['publicKeyPem', 'issuer', 'subjectPattern']) {
    if (item[key] !== undefined && typeof item[key] !== 'string') {
      throw new Error(`seed: ${at}.${key} must be a string`);
    }
  }
  if (item.publicKeyJwk !== undefined && !isObject(item.publicKeyJwk)) {
    throw new Error(`seed: ${at}.publicKeyJwk must be an object (one JWK)`);
  }
  if ((item.publicKeyPem === undefined) === (item.publicKeyJwk === undefined)) {
    throw new Error(`seed: ${at} needs exactly one of publicKeyPem and publicKeyJwk`);
  }
  const seed = item as unknown as OidcProviderSeed;
  try {
    const key = publicKeyOf(seed);
    if (key.asymmetricKeyType !== 'rsa')
      throw new Error(`an ${key.asymmetricKeyType} key; ID tokens are RS256`);
  } catch (error) {
    const field = seed.publicKeyPem === undefined ? 'publicKeyJwk' : 'publicKeyPem';
    throw new Error(
      `seed: ${at}.${field} is not an RSA public key (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  if (seed.subjectPattern !== undefined) {
    try {
      new RegExp(seed.subjectPattern);
    } catch {
      throw new Error(`seed: ${at}.subjectPattern is not a regular expression`);
    }
  }
}

/** Checks `oidcProviders`; throws an Error naming the first bad field (or a repeated id). */
export function checkOidcProviders(value: unknown): void {
  if (value === undefined) return;
  if (!Array.isArray(value)) throw new Error('seed: oidcProviders must be an array');
  const ids = new Set<string>();
  value.forEach((item, index) => {
    const at = `oidcProviders[${index}]`;
    checkOne(item, at);
    const id = (item as OidcProviderSeed).id;
    if (ids.has(id)) throw new Error(`seed: ${at}.id ${id} is given twice`);
    ids.add(id);
  });
}

/** Identity providers by id, keys parsed. */
export function buildOidcProviders(seeds: readonly OidcProviderSeed[] = []): Map<string, OidcProvider> {
  const providers = new Map<string, OidcProvider>();
  for (const seed of seeds) {
    providers.set(seed.id, {
      id: seed.id,
      audience: seed.audience,
      publicKey: publicKeyOf(seed),
      ...(seed.issuer !== undefined && { issuer: seed.issuer }),
      ...(seed.subjectPattern !== undefined && { subjectPattern: new RegExp(seed.subjectPattern) }),
    });
  }
  return providers;
}

/** Identity providers in seed format (public key as SPKI PEM), for the state snapshot. */
export function oidcProviderSeeds(providers: Map<string, OidcProvider>): OidcProviderSeed[] {
  return [...providers.values()].map((p) => ({
    id: p.id,
    audience: p.audience,
    publicKeyPem: p.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    ...(p.issuer !== undefined && { issuer: p.issuer }),
    ...(p.subjectPattern !== undefined && { subjectPattern: p.subjectPattern.source }),
  }));
}
