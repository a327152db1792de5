import { errorMessage, InputError } from '../errors/errors.ts';
import { maskSecret } from '../redact/secrets.ts';

/** Gets a GitHub Actions OIDC ID token (a JWT) for an audience; `core.getIDToken` on a runner. */
export type IdTokenSource = (audience?: string) => Promise<string>;

const PERMISSION_BLOCK = ['permissions:', '  id-token: write', '  contents: read'].join('\n');

/** The runner's token service through @actions/core, loaded (with its HTTP client) only when a token is asked for. */
async function runnerIdToken(audience?: string): Promise<string> {
  const core = await import('@actions/core');
  return core.getIDToken(audience);
}

/**
 * Requests the job's GitHub OIDC ID token. When the job may not request one (the runner sets
 * ACTIONS_ID_TOKEN_REQUEST_URL and _TOKEN only with `id-token: write`), says which block to add.
 */
export async function fetchGithubIdToken(
  audience: string | undefined,
  options: { getIdToken?: IdTokenSource; env?: NodeJS.ProcessEnv } = {},
): Promise<string> {
  const { getIdToken = runnerIdToken, env = process.env } = options;
  const missing = ['ACTIONS_ID_TOKEN_REQUEST_URL', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN'].filter(
    (name) => !env[name],
  );
  if (missing.length > 0) {
    throw new InputError(
      'idp-id',
      `Input 'idp-id' asks for keyless sign-in, which needs a GitHub OIDC ID token, but this job may not request one ` +
        `(${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not set). Add this to the job ` +
        `(or the workflow):\n${PERMISSION_BLOCK}\n` +
        'Pull requests from forks never receive an ID token; use AK/SK secrets there or skip the step.',
    );
  }
  let token: string;
  try {
    token = await getIdToken(audience);
  } catch (error) {
    throw new Error(
      `Could not get a GitHub OIDC ID token${audience ? ` for audience ${audience}` : ''}: ` +
        `${errorMessage(error)}. Check that the job has "id-token: write" in its permissions.`,
    );
  }
  return maskSecret(token);
}
