// One descriptor per registry family: what each action needs from it, behind one interface. A provider
// without a capability is one that action refuses (see chooseProvider in ../index.ts).
import type { AllowlistSupport } from './allowlist.ts';
import type { LoginSupport } from './login.ts';
import type { NamespaceSupport } from './namespaces.ts';
import type { TagSupport } from './tags.ts';

export interface Provider {
  /** The `provider` input's value, e.g. swr. */
  readonly name: string;
  /** How logs and messages name the registry, e.g. SWR. */
  readonly label: string;
  /** For login: a docker login to the registry. */
  readonly login?: LoginSupport;
  /** For ensure-namespace: a namespace as declared. */
  readonly namespaces?: NamespaceSupport;
  /** For prune-tags: listing and deleting tags. */
  readonly tags?: TagSupport;
  /** For sync-whitelist: an instance's IP allowlist (and private links). */
  readonly allowlist?: AllowlistSupport;
}

/** What every capability may say of itself. */
export interface Support {
  /** The part of the registry that offers it, when not all of it (e.g. "CCR enterprise"), for messages. */
  readonly scope?: string;
}

/** The capabilities, each named as in Provider. */
export type Capability = 'login' | 'namespaces' | 'tags' | 'allowlist';

/** A provider known to offer capability `K`. */
export type ProviderWith<K extends Capability> = Provider & { readonly [P in K]-?: NonNullable<Provider[P]> };

/** The providers an action may choose from. */
export type ProviderTable = readonly Provider[];
