// `node test/support/oidc/local-idp.ts --seed-out FILE`: a local stand-in for GitHub's OIDC side, to
// try keyless sign-in against the emulator. Generates a key pair, writes an emulator seed declaring an
// identity provider with its public key, and serves the runner's ID token endpoint signed with the
// private key. Prints ACTIONS_ID_TOKEN_REQUEST_URL=… and ACTIONS_ID_TOKEN_REQUEST_TOKEN=… on stdout.
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { startIdTokenServer } from './id-token-server.ts';
import { githubClaims } from './jwt.ts';
import { generateSigningKey } from './keys.ts';

export const LOCAL_IDP_USAGE = `Usage: node test/support/oidc/local-idp.ts --seed-out FILE [options]
  --seed-out FILE   write the emulator seed here (with --seed-in, that seed plus the provider)
  --seed-in FILE    start from this seed (e.g. one with SWR namespaces)
  --idp-id ID       identity provider id, the actions' idp-id input (default github-actions)
  --audience AUD    its client ID, the actions' oidc-audience input (default huaweicloud-swr)
  --repository R    the repository the ID tokens name in sub (default example/app)`;

/** The seed `base` plus an identity provider trusting `publicKeyPem` (replacing one with the same id). */
export function seedWithProvider(
  base: Record<string, unknown>,
  provider: { id: string; audience: string; publicKeyPem: string },
): Record<string, unknown> {
  const others = Array.isArray(base.oidcProviders)
    ? base.oidcProviders.filter(
        (p: unknown) => !(typeof p === 'object' && p && 'id' in p && p.id === provider.id),
      )
    : [];
  return { ...base, oidcProviders: [...others, provider] };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'seed-out': { type: 'string' },
      'seed-in': { type: 'string' },
      'idp-id': { type: 'string', default: 'github-actions' },
      audience: { type: 'string', default: 'huaweicloud-swr' },
      repository: { type: 'string', default: 'example/app' },
      help: { type: 'boolean' },
    },
  });
  if (values.help || !values['seed-out']) {
    process.stdout.write(`${LOCAL_IDP_USAGE}\n`);
    process.exitCode = values.help ? 0 : 2;
    return;
  }
  const key = generateSigningKey();
  const base: unknown = values['seed-in'] ? JSON.parse(readFileSync(values['seed-in'], 'utf8')) : {};
  if (typeof base !== 'object' || base === null || Array.isArray(base))
    throw new Error('--seed-in: not a JSON object');
  const publicKeyPem = key.publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const seed = seedWithProvider(base as Record<string, unknown>, {
    id: values['idp-id'],
    audience: values.audience,
    publicKeyPem,
  });
  writeFileSync(values['seed-out'], `${JSON.stringify(seed, null, 2)}\n`);
  const repository = values.repository;
  const server = await startIdTokenServer({
    key,
    claims: (audience) => githubClaims({ audience, repository }),
  });
  process.stdout.write(
    `ACTIONS_ID_TOKEN_REQUEST_URL=${server.url}\nACTIONS_ID_TOKEN_REQUEST_TOKEN=${server.requestToken}\n`,
  );
  process.stderr.write(`local-idp: seed written to ${values['seed-out']}; Ctrl-C to stop\n`);
  const stop = () => {
    server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (import.meta.main) {
  main().catch((error: unknown) => {
    process.stderr.write(`local-idp: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  });
}
