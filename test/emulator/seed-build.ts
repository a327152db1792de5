// Turns a seed into fresh emulator state (defaults filled in: times, digests, the default CCR instance).
import { createHash } from 'node:crypto';
import { DEFAULT_CCR_INSTANCE, mergeCredentials } from './credentials.ts';
import { buildGithubState } from './seed-github.ts';
import { buildOidcProviders } from './seed-oidc.ts';
import type {
  CcrInstanceSeed,
  EmulatorSeed,
  PermissionSeed,
  SwrNamespaceSeed,
  TagSeed,
} from './seed-types.ts';
import {
  type CcrInstance,
  type EmulatorState,
  type ImageTag,
  newId,
  type Permission,
  type SwrRepository,
} from './state.ts';
import { whitelistRulesOf } from './whitelist-rules.ts';

const HOUR_MS = 3_600_000;

/** A stable fake digest for an image that only has a name. */
export function fakeDigest(text: string): string {
  return `sha256:${createHash('sha256').update(text).digest('hex')}`;
}

/** Tags from seed records; untimed tags are one hour apart, the last listed the newest. */
export function buildTags(
  state: EmulatorState,
  seeds: TagSeed[],
  owner: string,
  now: Date,
): Map<string, ImageTag> {
  const tags = new Map<string, ImageTag>();
  seeds.forEach((seed, index) => {
    const created = seed.created ?? new Date(now.getTime() - (seeds.length - index) * HOUR_MS).toISOString();
    const digest = seed.digest ?? fakeDigest(`${owner}:${seed.tag}`);
    tags.set(seed.tag, {
      id: newId(state),
      name: seed.tag,
      digest,
      size: seed.size ?? 1024 * (index + 1),
      created,
      updated: seed.updated ?? created,
      tagType: seed.tagType ?? 0,
      children: seed.children ?? [],
      ...(seed.manifest !== undefined ? { manifest: seed.manifest } : {}),
    });
  });
  return tags;
}

function permissions(seeds: PermissionSeed[] | undefined): Map<string, Permission> {
  const map = new Map<string, Permission>();
  for (const p of seeds ?? []) map.set(p.user_id, { userId: p.user_id, userName: p.user_name, auth: p.auth });
  return map;
}

function addSwrNamespace(state: EmulatorState, seed: SwrNamespaceSeed, now: Date): void {
  const iso = now.toISOString();
  const repositories = new Map<string, SwrRepository>();
  for (const repo of seed.repositories ?? []) {
    const retentions = (repo.retentions ?? []).map((r) => ({
      id: r.id ?? newId(state),
      algorithm: r.algorithm,
      rules: r.rules,
    }));
    repositories.set(repo.name, {
      id: newId(state),
      name: repo.name,
      isPublic: repo.isPublic ?? false,
      category: repo.category ?? 'other',
      description: repo.description ?? '',
      created: iso,
      updated: iso,
      tags: buildTags(state, repo.tags ?? [], `${seed.name}/${repo.name}`, now),
      access: permissions(repo.permissions),
      retentions: new Map(retentions.map((r) => [r.id, r])),
      retentionLogs: [],
    });
  }
  const owner = seed.owner ?? state.credentials.huawei.domainName;
  state.swrNamespaces.set(seed.name, {
    id: newId(state),
    name: seed.name,
    owner,
    sharedWith: [...(seed.sharedWith ?? [])],
    creatorName:
      seed.creatorName ??
      (owner === state.credentials.huawei.domainName ? state.credentials.huawei.userName : 'someone-else'),
    created: iso,
    repositories,
    access: permissions(seed.permissions),
  });
}

function buildInstance(state: EmulatorState, seed: CcrInstanceSeed, now: Date): CcrInstance {
  const iso = now.toISOString();
  const instance: CcrInstance = {
    id: seed.id,
    name: seed.name ?? seed.id,
    instanceType: 'STANDARD',
    status: seed.status ?? 'running',
    region: state.region,
    publicURL: seed.publicURL ?? `${seed.id}-pub.cnc.bd.baidubce.com`,
    privateURL: seed.privateURL ?? `${seed.id}-vpc.cnc.bd.baidubce.com`,
    createTime: iso,
    expireTime: new Date(now.getTime() + 365 * 24 * HOUR_MS).toISOString(),
    projects: new Map(),
    publicLinkStatus: seed.publicLinks?.status ?? 'opened',
    whitelist: (seed.publicLinks?.whitelist ?? []).map((e) => ({
      ipAddr: e.ipAddr,
      description: e.description ?? '',
    })),
    privateLinks: (seed.privateLinks ?? []).map((l) => ({
      vpcID: l.vpcID,
      subnetID: l.subnetID,
      ipType: l.ipType ?? 'auto',
      ipAddress: l.ipAddress ?? '',
      autoDnsResolve: true,
      status: l.status ?? 'success',
    })),
  };
  for (const project of seed.projects ?? []) {
    const repositories = new Map(
      (project.repositories ?? []).map((repo) => [
        repo.name,
        {
          id: newId(state),
          name: repo.name,
          created: iso,
          updated: iso,
          tags: buildTags(state, repo.tags ?? [], `${seed.id}/${project.name}/${repo.name}`, now),
        },
      ]),
    );
    const id = newId(state);
    instance.projects.set(project.name, {
      id,
      name: project.name,
      isPublic: project.public ?? false,
      created: iso,
      updated: iso,
      repositories,
    });
  }
  return instance;
}

/** Fresh state from a seed (an empty seed gives the default credentials and one CCR instance). */
export function buildState(seed: EmulatorSeed, now: Date): EmulatorState {
  const state: EmulatorState = {
    credentials: mergeCredentials(seed.credentials),
    tagDeleteMode: seed.tagDeleteMode ?? 'digest',
    ...(seed.swrPageCap !== undefined ? { swrPageCap: seed.swrPageCap } : {}),
    ccrForms: { projectListKey: 'items', repositoryEncoding: 'single', ...seed.ccrForms },
    whitelistRules: whitelistRulesOf(seed.whitelistRules),
    tokenLifetimeSeconds: seed.tokenLifetimeSeconds ?? 86_400,
    signatureSkewSeconds: seed.signatureSkewSeconds ?? 900,
    region: seed.region ?? 'emu-region-1',
    registryCredentials: seed.registryCredentials ?? {},
    iamTokens: new Map(),
    oidcProviders: buildOidcProviders(seed.oidcProviders),
    github: buildGithubState(seed.github),
    swrNamespaces: new Map(),
    ccrPersonalProjects: new Map(),
    ccrInstances: new Map(),
    issuedPasswords: [],
    nextId: 1000,
  };
  for (const ns of seed.swr?.namespaces ?? []) addSwrNamespace(state, ns, now);
  for (const p of seed.ccr?.personalProjects ?? []) {
    const id = p.id ?? newId(state);
    const time = p.createTime ?? now.toISOString();
    state.ccrPersonalProjects.set(id, {
      id,
      name: p.name,
      type: p.type ?? 'private',
      repoCount: p.repoCount ?? 0,
      chartCount: 0,
      createTime: time,
      updateTime: time,
      members: p.members ?? [],
    });
  }
  const instances = seed.ccr?.instances ?? [{ ...DEFAULT_CCR_INSTANCE }];
  for (const instance of instances) state.ccrInstances.set(instance.id, buildInstance(state, instance, now));
  return state;
}
