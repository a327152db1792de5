// A CCR enterprise instance's registry for end-to-end tests: Debian's docker-registry serves the instance's
// public and private domains through the test internet, with the docker login the emulator's temporary password
// gives (seed it with `ccrRepositorySeed`), and images built on the spot pushed with skopeo.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EmulatorSeed } from '../emulator/index.ts';
import type { TagSeed } from '../emulator/seed-types.ts';
import { type Internet, startInternet } from '../harness/internet.ts';
import { buildOciImage, type LocalRegistry, skopeo, startLocalRegistry } from './local-registry.ts';

/** The docker user and the temporary password the emulator hands out for every instance. */
export const CCR_REGISTRY_LOGIN = { username: 'ci-pusher', password: 'ccr-temporary-password-0123' };

export interface CcrRegistry {
  /** The instance's public domain, as the action sees it. */
  domain: string;
  /** The instance's private (VPC) domain, which serves the same registry. */
  privateDomain: string;
  local: LocalRegistry;
  internet: Internet;
  /** Pushes an OCI layout's `v1` (`--all`: an index with its images) as `name:tag`; returns nothing. */
  push(layout: string, name: string, tag: string): Promise<void>;
  /** Pushes a new one-layer image as `name:tag` and returns its manifest digest. */
  pushImage(name: string, tag: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * The instance's registry as docker-registry, behind its public domain `<instanceId>-pub.cnc.bd.baidubce.com`
 * and its private one `<instanceId>-vpc.cnc.bd.baidubce.com`.
 */
export async function startCcrRegistry(instanceId: string): Promise<CcrRegistry> {
  const { username, password } = CCR_REGISTRY_LOGIN;
  const local = await startLocalRegistry(username, password);
  const domain = `${instanceId}-pub.cnc.bd.baidubce.com`;
  const privateDomain = `${instanceId}-vpc.cnc.bd.baidubce.com`;
  const internet = await startInternet([
    {
      hosts: new RegExp(`^${instanceId}-(pub|vpc)\\.cnc\\.bd\\.baidubce\\.com$`),
      standsInFor: `the registry of CCR instance ${instanceId}: Debian docker-registry`,
      target: `http://${local.host}`,
    },
  ]);
  const env = { HOME: mkdtempSync(join(tmpdir(), 'skopeo-home-')) };
  const push = async (layout: string, name: string, tag: string) => {
    const args = ['copy', '--all', '--preserve-digests', '--dest-creds', `${username}:${password}`];
    const pushed = await skopeo(
      [...args, '--dest-tls-verify=false', `oci:${layout}:v1`, `docker://${local.host}/${name}:${tag}`],
      env,
    );
    if (pushed.code !== 0) throw new Error(`skopeo could not push ${name}:${tag}: ${pushed.output}`);
  };
  return {
    domain,
    privateDomain,
    local,
    internet,
    push,
    async pushImage(name, tag) {
      const image = buildOciImage(`${name}:${tag} built for an e2e test at ${Date.now()}\n`);
      await push(image.layout, name, tag);
      return image.manifestDigest;
    },
    async close() {
      await internet.close();
      await local.close();
    },
  };
}

/** The emulator seed part that makes every temporary password the registry's. */
const ccrRegistrySeed: Pick<EmulatorSeed, 'registryCredentials'> = {
  registryCredentials: { ccr: CCR_REGISTRY_LOGIN },
};

/**
 * A seed of one CCR instance holding the repository `project/repository` with `tags`, whose temporary
 * passwords are the registry's.
 */
export function ccrRepositorySeed(
  instanceId: string,
  [project, repository]: [string, string],
  tags: TagSeed[],
): EmulatorSeed {
  const repositories = [{ name: repository, tags }];
  return {
    ...ccrRegistrySeed,
    ccr: { instances: [{ id: instanceId, projects: [{ name: project, repositories }] }] },
  };
}
