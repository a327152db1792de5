// A push to the container registry shows in the cloud API, as on SWR and CCR: the emulator lists the tag
// (in an existing SWR organization or CCR project) with the manifest's digest.
import type { Emulator } from '../emulator/index.ts';
import { newId } from '../emulator/state.ts';

/** Makes a pushed tag visible through the emulator's API; returns why the registry refuses it, if it does. */
export function recordPush(emu: Emulator, ref: string, digest: string, size: number): string | undefined {
  const match = ref.match(/^([^/]+)\/([^/]+)\/(.+):([^:/]+)$/);
  if (!match) return `${ref} is not host/namespace/repository:tag`;
  const [, host, namespace, repository, tag] = match as unknown as [string, string, string, string, string];
  const now = new Date().toISOString();
  const image = {
    id: newId(emu.state),
    name: tag,
    digest,
    size,
    created: now,
    updated: now,
    tagType: 0 as const,
    children: [],
  };
  const instance = [...emu.state.ccrInstances.values()].find((candidate) => candidate.publicURL === host);
  if (instance) {
    const project = instance.projects.get(namespace);
    if (!project) return `denied: project ${namespace} does not exist on ${host}`;
    const repo = project.repositories.get(repository) ?? {
      id: newId(emu.state),
      name: repository,
      created: now,
      updated: now,
      tags: new Map(),
    };
    repo.tags.set(tag, image);
    project.repositories.set(repository, repo);
    return undefined;
  }
  const organization = emu.state.swrNamespaces.get(namespace);
  if (!organization) return `denied: namespace ${namespace} does not exist on ${host}`;
  const repo = organization.repositories.get(repository) ?? {
    id: newId(emu.state),
    name: repository,
    isPublic: false,
    category: 'other',
    description: '',
    created: now,
    updated: now,
    tags: new Map(),
    access: new Map(),
    retentions: new Map(),
    retentionLogs: [],
  };
  repo.tags.set(tag, image);
  organization.repositories.set(repository, repo);
  return undefined;
}
