// State as JSON in the seed format (GET /__admin/state): a snapshot can be fed back as a seed.
import { githubSeedOf } from './seed-github.ts';
import { oidcProviderSeeds } from './seed-oidc.ts';
import type { EmulatorSeed, TagSeed } from './seed-types.ts';
import type { EmulatorState, ImageTag, IssuedPassword, Permission } from './state.ts';

export interface StateSnapshot extends EmulatorSeed {
  issuedPasswords: IssuedPassword[];
  /** IAM tokens currently valid or not yet pruned. */
  iamTokenCount: number;
}

function tagSeeds(tags: Map<string, ImageTag>): TagSeed[] {
  return [...tags.values()].map((t) => ({
    tag: t.name,
    digest: t.digest,
    size: t.size,
    created: t.created,
    updated: t.updated,
    tagType: t.tagType,
    children: [...t.children],
    ...(t.manifest !== undefined ? { manifest: t.manifest } : {}),
  }));
}

function permissionSeeds(access: Map<string, Permission>) {
  return [...access.values()].map((p) => ({ user_id: p.userId, user_name: p.userName, auth: p.auth }));
}

/** The whole state in seed format. */
export function snapshotState(state: EmulatorState): StateSnapshot {
  return {
    credentials: state.credentials,
    tagDeleteMode: state.tagDeleteMode,
    ...(state.swrPageCap !== undefined ? { swrPageCap: state.swrPageCap } : {}),
    ccrForms: { ...state.ccrForms },
    whitelistRules: { ...state.whitelistRules },
    tokenLifetimeSeconds: state.tokenLifetimeSeconds,
    signatureSkewSeconds: state.signatureSkewSeconds,
    region: state.region,
    registryCredentials: state.registryCredentials,
    oidcProviders: oidcProviderSeeds(state.oidcProviders),
    github: githubSeedOf(state.github),
    swr: {
      namespaces: [...state.swrNamespaces.values()].map((ns) => ({
        name: ns.name,
        owner: ns.owner,
        sharedWith: [...ns.sharedWith],
        creatorName: ns.creatorName,
        permissions: permissionSeeds(ns.access),
        repositories: [...ns.repositories.values()].map((repo) => ({
          name: repo.name,
          isPublic: repo.isPublic,
          category: repo.category,
          description: repo.description,
          tags: tagSeeds(repo.tags),
          permissions: permissionSeeds(repo.access),
          retentions: [...repo.retentions.values()],
        })),
      })),
    },
    ccr: {
      personalProjects: [...state.ccrPersonalProjects.values()].map((p) => ({
        ...p,
        members: [...p.members],
      })),
      instances: [...state.ccrInstances.values()].map((instance) => ({
        id: instance.id,
        name: instance.name,
        status: instance.status,
        publicURL: instance.publicURL,
        privateURL: instance.privateURL,
        publicLinks: {
          status: instance.publicLinkStatus,
          whitelist: instance.whitelist.map((e) => ({ ...e })),
        },
        privateLinks: instance.privateLinks.map((l) => ({ ...l })),
        projects: [...instance.projects.values()].map((project) => ({
          name: project.name,
          public: project.isPublic,
          repositories: [...project.repositories.values()].map((repo) => ({
            name: repo.name,
            tags: tagSeeds(repo.tags),
          })),
        })),
      })),
    },
    issuedPasswords: [...state.issuedPasswords],
    iamTokenCount: state.iamTokens.size,
  };
}
