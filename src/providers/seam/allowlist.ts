// What sync-whitelist needs from a provider: an instance whose public endpoint has an IP allowlist, and
// (where the registry has them) VPC private links.
import type { InputReader } from '../../core/action/input-reader.ts';
import type { ApiClient } from '../../core/http/types.ts';
import type { Connectable } from './connection.ts';
import type { Support } from './provider.ts';

/** One allowlist entry: an IP or CIDR and its free-text description. */
export interface WhitelistItem {
  ipAddr: string;
  description: string;
}

/** Public access of an instance: status (`opened`, `closed`, or a transition) and the allowlist. */
export interface PublicLinks {
  status: string;
  whitelist: WhitelistItem[];
}

export type PublicAccessAction = 'open' | 'close';

/** Which VPC subnet a private link attaches to: the key links are compared and deleted by. */
export interface PrivateLinkKey {
  vpcID: string;
  subnetID: string;
}

/** A private link as listed: status is e.g. `creating`, `success` or `failed`. */
export interface PrivateLink extends PrivateLinkKey {
  status: string;
}

/** A private link to create: `ipType` `auto`, or `manual` with an `ipAddress` inside the subnet. */
export interface NewPrivateLink extends PrivateLinkKey {
  ipType: 'auto' | 'manual';
  ipAddress: string;
  autoDnsResolve: boolean;
}

/** The calls sync-whitelist makes, bound to one instance. */
export interface InstanceAllowlist {
  /** Public access status and the whole allowlist; a ListingIncompleteError for an answer it cannot read. */
  read(): Promise<PublicLinks>;
  /** Opens or closes the public endpoint. */
  setPublicAccess(action: PublicAccessAction): Promise<void>;
  /** Adds one entry (not retried: a caller re-reads the list instead). */
  add(item: WhitelistItem): Promise<void>;
  /**
   * Deletes entries by their exact `ipAddr` text. `once`: never repeated once it may have reached the
   * server (a late repeat would remove an entry someone added again under the same text meanwhile).
   */
  remove(ipAddrs: readonly string[], options?: { once?: boolean }): Promise<void>;
  /** VPC private links, where the registry has them. */
  readonly privateLinks?: PrivateLinks;
}

/** An instance's VPC private links. */
export interface PrivateLinks {
  list(): Promise<PrivateLink[]>;
  create(link: NewPrivateLink): Promise<void>;
  delete(link: PrivateLinkKey): Promise<void>;
}

export interface AllowlistSupport extends Support {
  /** Reads the connection; InputError for what has no allowlist (e.g. an edition without instances). */
  read(reader: InputReader): AllowlistTarget;
  /**
   * The `private-links` lines as links to declare, all bad lines named in one InputError; absent when the
   * registry has no private links.
   */
  readonly parsePrivateLinks?: (lines: readonly string[], input: string) => NewPrivateLink[];
}

/** One run's instance as read from the inputs, before any call. */
export interface AllowlistTarget extends Connectable {
  /** The instance, as logs, the summary and the post step name it (ccr-xxxxxxxx). */
  readonly instanceId: string;
  /** The calls for this instance on a connected client. */
  allowlist(api: ApiClient): Promise<InstanceAllowlist>;
}
