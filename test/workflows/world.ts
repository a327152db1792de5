// The world a shipped workflow runs in during tests: the emulator in place of Huawei Cloud and Baidu
// Cloud, Debian's docker-registry in place of their container registries, a fixed answer in place of the
// public IP lookup services, and the runner's ID token endpoint; all reached through the test internet
// (a TLS-terminating proxy on loopback), so the workflows run unmodified, with their real host names.

import { request } from 'node:http';
import {
  DEFAULT_CCR_INSTANCE,
  DEFAULT_CREDENTIALS,
  type Emulator,
  type EmulatorSeed,
  startEmulator,
} from '../emulator/index.ts';
import { type HostTarget, type Internet, type InternetRoute, startInternet } from '../harness/internet.ts';
import { type LocalRegistry, startLocalRegistry } from '../support/local-registry.ts';
import { type IdTokenServer, startIdTokenServer } from '../support/oidc/id-token-server.ts';
import { githubClaims } from '../support/oidc/jwt.ts';
import { generateSigningKey } from '../support/oidc/keys.ts';
import { recordPush } from './record-push.ts';

/** The identity provider the keyless examples name (docs/keyless.md). */
export const IDP_ID = 'github-actions';
export const AUDIENCE = 'huaweicloud-swr';
/** What the IP lookup services answer: the runner's public address. */
export const RUNNER_ADDRESS = '198.51.100.23';
export const SWR_REGISTRY = 'swr.cn-north-4.myhuaweicloud.com';
export const CCR_REGISTRY: string = DEFAULT_CCR_INSTANCE.publicURL;

export const SWR_LOGIN = { username: 'cn-north-4@WORKFLOWTEST', password: 'swr-registry-password-0123' };
export const CCR_LOGIN = {
  username: DEFAULT_CREDENTIALS.baidu.dockerUserName,
  password: 'ccr-registry-password-0123',
};

/** The repository secrets the examples read, holding the emulator's accepted keys. */
export const SECRETS = {
  HUAWEICLOUD_AK: DEFAULT_CREDENTIALS.huawei.accessKeyId,
  HUAWEICLOUD_SK: DEFAULT_CREDENTIALS.huawei.secretAccessKey,
  BCE_AK: DEFAULT_CREDENTIALS.baidu.accessKeyId,
  BCE_SK: DEFAULT_CREDENTIALS.baidu.secretAccessKey,
};

export interface WorkflowWorld {
  emu: Emulator;
  registry: LocalRegistry;
  internet: Internet;
  idTokens: IdTokenServer;
  /** The runner machine's environment for every job: the test internet's proxy and CA. */
  machineEnv: Record<string, string>;
  /** The stand-ins for hosts of the internet, for the test's list. */
  routes: readonly InternetRoute[];
  close(): Promise<void>;
}

export interface WorldOptions {
  /**
   * A push through the proxy (a manifest PUT by tag that the registry accepts) shows in the cloud API, as
   * on SWR and CCR; without it only the build-push stand-in records its pushes.
   */
  pushesListed?: boolean;
}

/** Starts the emulator (seeded), the registry, the ID token endpoint and the proxy in front of them. */
export async function startWorkflowWorld(
  seed: EmulatorSeed = {},
  options: WorldOptions = {},
): Promise<WorkflowWorld> {
  const key = generateSigningKey();
  const publicKeyPem = key.publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const emu = await startEmulator({
    seed: {
      region: 'cn-north-4',
      registryCredentials: { swr: SWR_LOGIN, ccr: CCR_LOGIN },
      oidcProviders: [{ id: IDP_ID, audience: AUDIENCE, publicKeyPem, subjectPattern: '^repo:example/app:' }],
      ...seed,
    },
  });
  const registry = await startLocalRegistry(SWR_LOGIN.username, SWR_LOGIN.password, [
    CCR_LOGIN.username,
    CCR_LOGIN.password,
  ]);
  const idTokens = await startIdTokenServer({ key, claims: (audience) => githubClaims({ audience }) });
  const routes: InternetRoute[] = [
    {
      hosts: /^(iam|swr-api)\.[a-z0-9-]+\.myhuaweicloud\.com$/,
      standsInFor: 'Huawei Cloud IAM and SWR APIs: the emulator',
      target: emu.url,
    },
    {
      hosts: /^ccr\.[a-z0-9]+\.baidubce\.com$/,
      standsInFor: 'Baidu Cloud CCR API: the emulator',
      target: emu.url,
    },
    {
      // Any CCR enterprise instance's domains (ccr-<instance>-pub|vpc.cnc.<region>.baidubce.com).
      hosts: /^(swr\.[a-z0-9-]+\.myhuaweicloud\.com|ccr-[a-z0-9]+-(pub|vpc)\.cnc\.[a-z0-9]+\.baidubce\.com)$/,
      standsInFor:
        'SWR and CCR container registries: Debian docker-registry (htpasswd logins the emulator issues)',
      target: options.pushesListed ? listingPushes(emu, registry.host) : `http://${registry.host}`,
    },
    {
      hosts: /^(api|api6|api64)\.ipify\.org$|^(ipv4\.|ipv6\.)?icanhazip\.com$|^checkip\.amazonaws\.com$/,
      standsInFor: `public IP lookup services: answer the runner address ${RUNNER_ADDRESS}`,
      target: (_request, response) => response.end(`${RUNNER_ADDRESS}\n`),
    },
  ];
  const internet = await startInternet(routes);
  return {
    emu,
    registry,
    internet,
    idTokens,
    machineEnv: internet.env,
    routes,
    async close() {
      await internet.close();
      await Promise.all([emu.close(), registry.close(), idTokens.close()]);
    },
  };
}

/** Forwards to docker-registry; a manifest it accepts under a tag is recorded in the emulator's API. */
function listingPushes(emu: Emulator, registryHost: string): HostTarget {
  return (incoming, response) => {
    const outgoing = request(
      {
        host: registryHost.split(':')[0],
        port: registryHost.split(':')[1],
        method: incoming.method,
        path: incoming.url,
        headers: { ...incoming.headers, 'x-forwarded-proto': 'https' },
      },
      (answer) => {
        const pushed = incoming.url?.match(/^\/v2\/(.+)\/manifests\/([^/:?]+)$/);
        const digest = answer.headers['docker-content-digest'];
        if (incoming.method === 'PUT' && answer.statusCode === 201 && pushed && typeof digest === 'string') {
          const size = Number(incoming.headers['content-length'] ?? 0);
          recordPush(
            emu,
            `${(incoming.headers.host ?? '').replace(/:443$/, '')}/${pushed[1]}:${pushed[2]}`,
            digest,
            size,
          );
        }
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    outgoing.on('error', (error) => response.writeHead(502).end(String(error)));
    incoming.pipe(outgoing);
  };
}
