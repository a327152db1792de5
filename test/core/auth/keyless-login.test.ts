// Keyless sign-in end to end: dist/login run as the runner runs it, with a local runner ID token
// endpoint (ACTIONS_ID_TOKEN_REQUEST_URL / _TOKEN) and the emulator's IAM identity provider.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from '../../emulator/index.ts';
import { registerOidcProvider } from '../../emulator/routes/iam-oidc.ts';
import { runStep } from '../../harness/runner.ts';
import { findLeaks } from '../../support/leaks.ts';
import { type IdTokenServer, startIdTokenServer } from '../../support/oidc/id-token-server.ts';
import { generateSigningKey } from '../../support/oidc/keys.ts';

let emulator: Emulator;
let idServer: IdTokenServer;

beforeAll(async () => {
  const key = generateSigningKey();
  emulator = await startEmulator({ seed: { region: 'cn-north-4' } });
  registerOidcProvider(emulator.state, {
    id: 'github-actions',
    audience: 'huaweicloud-swr',
    publicKey: key.publicKey,
  });
  idServer = await startIdTokenServer({ key });
});
afterAll(async () => {
  await Promise.all([emulator.close(), idServer.close()]);
});

function keylessInputs(): Record<string, string> {
  return {
    provider: 'swr',
    region: 'cn-north-4',
    endpoint: emulator.url,
    'iam-endpoint': emulator.url,
    'idp-id': 'github-actions',
    'oidc-audience': 'huaweicloud-swr',
  };
}

describe('login with keyless GitHub OIDC sign-in', () => {
  it('logs in with an IAM token exchanged from the ID token, masking both', async () => {
    emulator.requests.splice(0);
    const step = await runStep({ action: 'login', inputs: keylessInputs(), env: idServer.env });
    expect(step.exitCode, step.log).toBe(0);
    expect(step.outputs.registry).toBe('swr.cn-north-4.myhuaweicloud.com');
    expect(idServer.requests).toContainEqual({ audience: 'huaweicloud-swr', authorized: true });
    expect(emulator.requests.map((r) => `${r.method} ${r.path} ${r.status} ${r.authKind}`)).toEqual([
      'POST /v3.0/OS-AUTH/id-token/tokens 201 none',
      'POST /v2/manage/utils/secret 200 iam-token',
    ]);
    const idToken = idServer.issued.at(-1)!;
    const iamTokens = [...emulator.state.iamTokens.keys()];
    expect(step.masks).toEqual(expect.arrayContaining([idToken, ...iamTokens]));
    expect(findLeaks(step, [idToken, ...iamTokens])).toEqual([]);
  });

  it('fails before any API call, quoting the permissions block, when the job may not request an ID token', async () => {
    emulator.requests.splice(0);
    const step = await runStep({ action: 'login', inputs: keylessInputs() });
    expect(step.exitCode).toBe(1);
    expect(step.errors.join('\n')).toContain('id-token: write');
    expect(emulator.requests).toEqual([]);
  });
});
