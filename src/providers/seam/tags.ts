// What prune-tags needs from a provider: a connection read up front, the tags of a namespace to list and
// delete, and (where the registry has them) server-side retention policies equivalent to the rules.
import type { Duration } from '../../core/action/duration.ts';
import type { InputReader } from '../../core/action/input-reader.ts';
import type { ApiClient } from '../../core/http/types.ts';
import type { Markdown } from '../../core/output/markdown.ts';
import type { ManifestFacts } from '../../core/registry/manifest-document.ts';
import type { Connectable } from './connection.ts';
import type { Support } from './provider.ts';
import type { TagTable } from './tag-table.ts';

export type PatternSyntax = 'glob' | 'regex';

/** A compiled tag pattern; `text` is how reasons and warnings show it (`v*`, `/^v\d/`). */
export interface TagPattern {
  source: string;
  syntax: PatternSyntax;
  regex: RegExp;
  text: string;
}

/** The rules of one run that a registry's own retention policy may express, as parsed from the inputs. */
export interface TagRules {
  /** Tags considered at all (any match); empty = every tag. */
  include: readonly TagPattern[];
  /** Tags never considered (any match). */
  exclude: readonly TagPattern[];
  /** Tags always kept (any match). */
  keep: readonly TagPattern[];
  /** Keep the N newest selected tags; 0 = no count rule. */
  keepLast: number;
  /** Delete only selected tags older than this; undefined = no age rule. */
  olderThan?: Duration;
  /** Keep the N highest releases of each major version; 0 = off. */
  keepSemver: number;
}

/** The calls prune-tags makes, bound to one namespace. */
export interface TagRegistry {
  /** Every repository of the namespace; undefined when the registry cannot list them. */
  listRepositories?: () => Promise<string[]>;
  /** Why a listed repository name cannot go into a request (empty when it can). */
  repositoryProblems(name: string): string[];
  /** Every tag of a repository, complete or a thrown ListingIncompleteError / ApiError. */
  listTags(repository: string): Promise<TagTable>;
  /** Deletes one tag; 'absent' when it was already gone. Not sent once `signal` is aborted. */
  deleteTag(repository: string, tag: string, signal?: AbortSignal): Promise<'deleted' | 'absent'>;
  /** Whether the namespace exists and these credentials can see it. */
  namespaceExists(): Promise<boolean>;
  /** How the namespace is named in messages: `SWR organization team`. */
  namespaceLabel: string;
  /**
   * The listing never tells manifest lists from images (every tag comes as an image): before anything of
   * the repository is deleted, the manifests of the tags the plan retains are read with `manifests`.
   */
  listsUnmarked?: boolean;
  /**
   * The registry's own v2 API, for manifest lists the listing does not describe: reads manifest `digest`
   * of a repository with a temporary docker login (obtained on first use). Absent where it cannot be read.
   */
  manifests?: {
    /** The registry host, for messages. */
    registry: string;
    read(repository: string, digest: string): Promise<ManifestFacts>;
  };
}

export interface TagSupport extends Support {
  /** What the namespace input names here, for its error: "an SWR organization", "a CCR namespace". */
  readonly namespaceKind: string;
  /** Each rule a namespace name breaks (it goes into request paths); empty when it is valid. */
  namespaceProblems(name: string): string[];
  /** Reads the connection; InputError for what the registry cannot prune (e.g. an edition without a tag API). */
  read(reader: InputReader): TagTarget;
  /** Server-side retention policies (`mode: retention-policy`), when the registry has them. */
  readonly retention?: RetentionSupport;
}

/** One run's registry as read from the inputs, before any call. */
export interface TagTarget extends Connectable {
  /** Why repository patterns cannot be matched, when the registry cannot list repositories. */
  readonly unlistedRepositories?: string;
  /** The calls for one namespace on a connected client. */
  registry(api: ApiClient, namespace: string): Promise<TagRegistry>;
}

export interface RetentionSupport {
  /** The stored policy equivalent to the rules; InputError naming a rule it cannot express safely. */
  policyFor(rules: TagRules): RetentionPolicy;
}

/** A retention policy to store in each repository. */
export interface RetentionPolicy {
  /** The policy in the registry's own terms, as it is stored. */
  readonly settings: unknown;
  /** What it does, in words, for the summary: "keep the newest 5 tags, except tags matching `^latest$`". */
  readonly description: Markdown;
  /** How it differs from what mode: delete would do, for warnings and the summary. */
  readonly notes: readonly string[];
  /** Makes one repository's stored policy this one (on a dry run: says what it would do). */
  apply(api: ApiClient, namespace: string, repository: string, dryRun: boolean): Promise<PolicyResult>;
}

/** What happened to one repository's policy. */
export interface PolicyResult {
  repository: string;
  action: 'created' | 'updated' | 'unchanged' | 'would create' | 'would update' | 'conflict';
  id?: number;
  detail?: string;
}
