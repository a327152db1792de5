// The emulator's in-memory world: accounts, IAM tokens, SWR and CCR resources.
import type { KeyObject } from 'node:crypto';
import type { EmulatorCredentials } from './credentials.ts';
import type { GithubState } from './seed-github.ts';
import type { WhitelistRules } from './whitelist-rules.ts';

export type TagDeleteMode = 'tag' | 'digest';

export interface CcrForms {
  projectListKey: string;
  repositoryEncoding: 'single' | 'double';
}

/** One image tag; several tags may share a digest. A manifest list (tagType 1) references child digests. */
export interface ImageTag {
  id: number;
  name: string;
  digest: string;
  size: number;
  /** ISO times. */
  created: string;
  updated: string;
  /** 0: image manifest, 1: manifest list. */
  tagType: 0 | 1;
  children: string[];
  /** The listed `manifest` text when a seed fixed it (null: absent); otherwise made from tagType and children. */
  manifest?: string | null;
}

export interface Permission {
  userId: string;
  userName: string;
  auth: number;
}

export interface RetentionRule {
  template: string;
  params: Record<string, string>;
  tag_selectors: Array<{ kind: string; pattern: string }>;
}

export interface Retention {
  id: number;
  algorithm: string;
  rules: RetentionRule[];
}

export interface RetentionLog {
  id: number;
  retentionId: number;
  ruleType: string;
  tag: string;
  created: string;
}

export interface SwrRepository {
  id: number;
  name: string;
  isPublic: boolean;
  category: string;
  description: string;
  created: string;
  updated: string;
  tags: Map<string, ImageTag>;
  access: Map<string, Permission>;
  retentions: Map<number, Retention>;
  retentionLogs: RetentionLog[];
}

export interface SwrNamespace {
  id: number;
  name: string;
  /** Huawei account (domain name) owning it; another account's namespaces are invisible but taken. */
  owner: string;
  /** Other accounts that see it in `mode::visible` lists because some of its repositories are shared. */
  sharedWith: string[];
  creatorName: string;
  created: string;
  repositories: Map<string, SwrRepository>;
  access: Map<string, Permission>;
}

export interface IamToken {
  userName: string;
  expiresAt: Date;
  /** How it was issued: `password`, `token` or an identity provider method. */
  method: string;
}

/** An IAM identity provider trusting GitHub: its id (X-Idp-Id), client ID (= audience) and signing key. */
export interface OidcProvider {
  id: string;
  audience: string;
  publicKey: KeyObject;
  /** Default https://token.actions.githubusercontent.com. */
  issuer?: string;
  /** Mapping rule: the `sub` claims that map to the user group (default: any). */
  subjectPattern?: RegExp;
}

export interface CcrPersonalProject {
  id: number;
  name: string;
  type: 'public' | 'private';
  repoCount: number;
  chartCount: number;
  createTime: string;
  updateTime: string;
  members: Array<{ userId: string; userName: string; role: string }>;
}

export interface CcrRepository {
  id: number;
  name: string;
  created: string;
  updated: string;
  tags: Map<string, ImageTag>;
}

export interface CcrProject {
  id: number;
  name: string;
  isPublic: boolean;
  created: string;
  updated: string;
  repositories: Map<string, CcrRepository>;
}

export interface WhitelistEntry {
  ipAddr: string;
  description: string;
}

export interface PrivateLink {
  vpcID: string;
  subnetID: string;
  ipType: string;
  ipAddress: string;
  autoDnsResolve: boolean;
  status: string;
}

export interface CcrInstance {
  id: string;
  name: string;
  instanceType: string;
  status: string;
  region: string;
  publicURL: string;
  privateURL: string;
  createTime: string;
  expireTime: string;
  projects: Map<string, CcrProject>;
  publicLinkStatus: 'opened' | 'closed';
  whitelist: WhitelistEntry[];
  privateLinks: PrivateLink[];
}

/** A temporary registry password handed out by `POST /v1/instances/{id}/credential`. */
export interface IssuedPassword {
  instanceId: string;
  userName: string;
  password: string;
  expiresAt: string;
}

/** Fixed registry credentials (e.g. matching a real registry's htpasswd user) instead of generated ones. */
export interface RegistryCredential {
  username?: string;
  password?: string;
  host?: string;
}

export interface RegistryCredentials {
  swr?: RegistryCredential;
  ccr?: RegistryCredential;
}

export interface EmulatorState {
  credentials: EmulatorCredentials;
  tagDeleteMode: TagDeleteMode;
  /** Most records an SWR list page holds, whatever `limit` asked for (a server-side cap); none when undefined. */
  swrPageCap?: number;
  /**
   * Where our reading of CCR is a recorded choice, the other form the real API might take:
   * `projectListKey` names the array of `GET …/projects` (default `items`), `repositoryEncoding` how a
   * `/` in a repository name must arrive in a path (`single`: %2F, default; `double`: %252F, Harbor's way).
   */
  ccrForms: CcrForms;
  /** How the CCR allowlist treats the spellings of one host and deletes of absent addresses. */
  whitelistRules: WhitelistRules;
  tokenLifetimeSeconds: number;
  /** Accepted clock skew for signatures, seconds. */
  signatureSkewSeconds: number;
  /** Region reported by SWR login secrets and CCR instances. */
  region: string;
  registryCredentials: RegistryCredentials;
  iamTokens: Map<string, IamToken>;
  /** IAM identity providers for keyless sign-in, by id (seed `oidcProviders`, registerOidcProvider). */
  oidcProviders: Map<string, OidcProvider>;
  swrNamespaces: Map<string, SwrNamespace>;
  /** The fake GitHub API's tokens and repositories (seed `github`). */
  github: GithubState;
  ccrPersonalProjects: Map<number, CcrPersonalProject>;
  ccrInstances: Map<string, CcrInstance>;
  issuedPasswords: IssuedPassword[];
  /** Source of ids for every resource. */
  nextId: number;
}

/** A new id, unique across the emulator. */
export function newId(state: EmulatorState): number {
  state.nextId += 1;
  return state.nextId;
}

/** The SWR namespace if the caller's account owns it (others' namespaces are invisible). */
export function ownSwrNamespace(state: EmulatorState, name: string): SwrNamespace | undefined {
  const namespace = state.swrNamespaces.get(name);
  return namespace && namespace.owner === state.credentials.huawei.domainName ? namespace : undefined;
}

/** Namespaces another account shares repositories of with the caller's account (`mode::visible`). */
export function sharedSwrNamespaces(state: EmulatorState): SwrNamespace[] {
  const domain = state.credentials.huawei.domainName;
  return [...state.swrNamespaces.values()].filter(
    (ns) => ns.owner !== domain && ns.sharedWith.includes(domain),
  );
}

/** Namespaces the caller's account owns (counted against the quota of 5). */
export function ownSwrNamespaces(state: EmulatorState): SwrNamespace[] {
  return [...state.swrNamespaces.values()].filter((ns) => ns.owner === state.credentials.huawei.domainName);
}

/**
 * Deletes a tag as the registry would: mode `tag` removes just that tag, mode `digest` deletes the
 * manifest, so every tag on the same digest goes with it. Returns the names of the removed tags.
 */
export function deleteImageTag(tags: Map<string, ImageTag>, name: string, mode: TagDeleteMode): string[] {
  const target = tags.get(name);
  if (!target) return [];
  const doomed = [target];
  if (mode === 'digest') {
    // One pass without copying the map: a repository of 10,000 tags is deleted from one by one.
    for (const tag of tags.values()) if (tag.digest === target.digest && tag !== target) doomed.push(tag);
  }
  for (const tag of doomed) tags.delete(tag.name);
  return doomed.map((tag) => tag.name);
}
