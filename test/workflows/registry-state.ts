// What the registries hold after a workflow: the tags the cloud APIs list (emulator) and the images the
// container registry serves (docker-registry), read directly, not through the actions under test.
import type { Emulator } from '../emulator/index.ts';
import type { WorkflowWorld } from './world.ts';

/** Tag names of an SWR repository, sorted; undefined when the repository does not exist. */
export function swrTags(emu: Emulator, namespace: string, repository: string): string[] | undefined {
  const repo = emu.state.swrNamespaces.get(namespace)?.repositories.get(repository);
  return repo ? [...repo.tags.keys()].sort() : undefined;
}

/** Tag names of a CCR enterprise repository, sorted. */
export function ccrTags(
  emu: Emulator,
  instanceId: string,
  project: string,
  repository: string,
): string[] | undefined {
  const repo = emu.state.ccrInstances.get(instanceId)?.projects.get(project)?.repositories.get(repository);
  return repo ? [...repo.tags.keys()].sort() : undefined;
}

/** Addresses on a CCR instance's public allowlist. */
export function allowlist(emu: Emulator, instanceId: string): string[] {
  return (emu.state.ccrInstances.get(instanceId)?.whitelist ?? []).map((entry) => entry.ipAddr).sort();
}

/** Tags docker-registry serves for `namespace/repository` (as any login of the registry sees them). */
export async function servedTags(
  world: WorkflowWorld,
  namespace: string,
  repository: string,
  login: { username: string; password: string },
): Promise<string[]> {
  const response = await fetch(`http://${world.registry.host}/v2/${namespace}/${repository}/tags/list`, {
    headers: {
      authorization: `Basic ${Buffer.from(`${login.username}:${login.password}`).toString('base64')}`,
    },
  });
  if (response.status === 404) return [];
  const body = (await response.json()) as { tags?: string[] | null };
  return [...(body.tags ?? [])].sort();
}
