// The JSON format of a seed (and of the admin state snapshot): everything optional but names.
import type { BaiduEmulatorCredentials, HuaweiEmulatorCredentials } from './credentials.ts';
import type { FaultConfig } from './faults.ts';
import type { CcrForms, RegistryCredentials, TagDeleteMode } from './state.ts';
import type { WhitelistRules } from './whitelist-rules.ts';

export interface TagSeed {
  tag: string;
  /** Default: a digest derived from repository and tag name (tags then never share one). */
  digest?: string;
  size?: number;
  /** ISO times; default: one hour apart, the last tag listed being the newest. */
  created?: string;
  updated?: string;
  /** 0 image (default), 1 manifest list. */
  tagType?: 0 | 1;
  /** Digests a manifest list references. */
  children?: string[];
  /** The `manifest` text SWR lists with the tag; null: the field is absent; default: made from the above. */
  manifest?: string | null;
}

export interface PermissionSeed {
  user_id: string;
  user_name: string;
  auth: number;
}

export interface RetentionSeed {
  id?: number;
  algorithm: string;
  rules: Array<{
    template: string;
    params: Record<string, string>;
    tag_selectors: Array<{ kind: string; pattern: string }>;
  }>;
}

export interface SwrRepositorySeed {
  name: string;
  isPublic?: boolean;
  category?: string;
  description?: string;
  tags?: TagSeed[];
  permissions?: PermissionSeed[];
  retentions?: RetentionSeed[];
}

export interface SwrNamespaceSeed {
  name: string;
  /** Owning Huawei account (domain name); default: the emulator's account. */
  owner?: string;
  creatorName?: string;
  /** Accounts (domain names) another owner shares some repositories with: they see it with `mode::visible`. */
  sharedWith?: string[];
  repositories?: SwrRepositorySeed[];
  permissions?: PermissionSeed[];
}

export interface CcrPersonalProjectSeed {
  id?: number;
  name: string;
  type?: 'public' | 'private';
  repoCount?: number;
  createTime?: string;
  members?: Array<{ userId: string; userName: string; role: string }>;
}

export interface CcrProjectSeed {
  name: string;
  public?: boolean;
  repositories?: Array<{ name: string; tags?: TagSeed[] }>;
}

export interface CcrInstanceSeed {
  id: string;
  name?: string;
  status?: string;
  publicURL?: string;
  privateURL?: string;
  projects?: CcrProjectSeed[];
  publicLinks?: { status?: 'opened' | 'closed'; whitelist?: Array<{ ipAddr: string; description?: string }> };
  privateLinks?: Array<{
    vpcID: string;
    subnetID: string;
    ipType?: string;
    ipAddress?: string;
    status?: string;
  }>;
}

/**
 * An IAM identity provider trusting GitHub (or a local stand-in): `id` is the X-Idp-Id / `idp-id`
 * input, `audience` its client ID. Exactly one of publicKeyPem (SPKI or PKCS#1 PEM) and publicKeyJwk.
 */
export interface OidcProviderSeed {
  id: string;
  audience: string;
  publicKeyPem?: string;
  publicKeyJwk?: Record<string, unknown>;
  /** Default https://token.actions.githubusercontent.com. */
  issuer?: string;
  /** A regular expression the `sub` claim must match (the mapping rule); default: any. */
  subjectPattern?: string;
}

/** A permission of a job's GITHUB_TOKEN that the fake GitHub API checks. */
export type GithubPermission = 'contents' | 'deployments' | 'pull-requests';

/** The fake GitHub API (under `/github-api`): tokens it accepts and the repositories it knows. */
export interface GithubSeed {
  /** Each accepted token; a permission left out is `read`. */
  tokens?: Array<{ token: string; permissions?: Partial<Record<GithubPermission, 'read' | 'none'>> }>;
  repositories?: Array<{
    /** `owner/name`, as GITHUB_REPOSITORY. */
    fullName: string;
    releases?: Array<{ tagName: string; draft?: boolean; prerelease?: boolean }>;
    /** Pull requests; `state` defaults to open. */
    pulls?: Array<{ number: number; headSha: string; state?: 'open' | 'closed' }>;
    /** `state` as GitHub's GraphQL DeploymentState (ACTIVE, INACTIVE, IN_PROGRESS…). */
    deployments?: Array<{ environment: string; state: string; sha: string; ref?: string }>;
  }>;
}

export interface EmulatorSeed {
  credentials?: { huawei?: Partial<HuaweiEmulatorCredentials>; baidu?: Partial<BaiduEmulatorCredentials> };
  /** `digest` (default, spec 4.3.2: the image goes, with every tag on it) or `tag` (only that tag). */
  tagDeleteMode?: TagDeleteMode;
  /** SWR list pages hold at most this many records even when `limit` asks for more. */
  swrPageCap?: number;
  /** The other forms of the CCR choices (see EmulatorState.ccrForms). */
  ccrForms?: Partial<CcrForms>;
  /** CCR allowlist behaviour the API reference leaves open (see whitelist-rules.ts); default distinct, ignored. */
  whitelistRules?: Partial<WhitelistRules>;
  /** IAM token lifetime; default 86400 (24 h, as IAM). */
  tokenLifetimeSeconds?: number;
  /** Accepted signature clock skew; default 900. */
  signatureSkewSeconds?: number;
  region?: string;
  registryCredentials?: RegistryCredentials;
  /** Identity providers for keyless sign-in (POST /v3.0/OS-AUTH/id-token/tokens). */
  oidcProviders?: OidcProviderSeed[];
  swr?: { namespaces?: SwrNamespaceSeed[] };
  /** `instances` absent: the one default instance `ccr-emu00001`. */
  ccr?: { personalProjects?: CcrPersonalProjectSeed[]; instances?: CcrInstanceSeed[] };
  /** The fake GitHub API for prune-tags' keep-github. */
  github?: GithubSeed;
  faults?: FaultConfig;
}
