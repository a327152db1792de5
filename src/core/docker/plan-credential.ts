// Pure config.json edits for login and logout: config in, config out, plus what changed and why.
import { type CredentialChange, digestAuth } from './credential-change.ts';
import type { DockerConfig } from './docker-config.ts';
import { isSameRegistry } from './registry-host.ts';

export interface AddCredential {
  /** `auths` key (see registryKey). */
  registry: string;
  /** base64 of `username:password`. */
  auth: string;
  /**
   * Registries the config's credsStore holds (`docker-credential-<store> list`); undefined when the
   * store could not be listed. Only read when the config has a credsStore.
   */
  storeRegistries?: readonly string[];
}

export interface AddPlan {
  config: DockerConfig;
  change: CredentialChange;
  /** The entry replaced under the same key, to keep in a backup for logout. */
  previousEntry?: Record<string, unknown>;
  /** Why the config changed beyond the new entry, for the log. */
  notes: string[];
}

/**
 * Adds a login so every tool really uses it: a `credHelpers` entry for the registry would win over
 * `auths`, so it is set aside; a `credsStore` would win for the Docker CLI, so it is replaced by
 * `credHelpers` entries for the registries it holds (podman, skopeo and buildah ignore credsStore).
 */
export function planAddCredential(config: DockerConfig, add: AddCredential): AddPlan {
  const next: DockerConfig = structuredClone(config);
  const notes: string[] = [];
  const previousEntry = config.auths?.[add.registry];
  const change: CredentialChange = {
    registry: add.registry,
    authDigest: digestAuth(add.auth),
    replacedEntry: previousEntry !== undefined,
    createdAuths: config.auths === undefined,
    addedCredHelpers: [],
    createdCredHelpers: config.credHelpers === undefined,
  };
  next.auths = { ...next.auths, [add.registry]: { auth: add.auth } };

  const helper = config.credHelpers?.[add.registry];
  if (helper !== undefined && next.credHelpers) {
    delete next.credHelpers[add.registry];
    change.removedCredHelper = helper;
    notes.push(`credHelpers sent ${add.registry} to docker-credential-${helper}; set aside until logout.`);
  }
  if (config.credsStore !== undefined) {
    const store = config.credsStore;
    delete next.credsStore;
    change.removedCredsStore = store;
    const helpers = { ...next.credHelpers };
    for (const registry of add.storeRegistries ?? []) {
      if (isSameRegistry(registry, add.registry) || helpers[registry] !== undefined) continue;
      helpers[registry] = store;
      change.addedCredHelpers.push(registry);
    }
    if (change.addedCredHelpers.length > 0 || next.credHelpers) next.credHelpers = helpers;
    notes.push(
      add.storeRegistries === undefined
        ? `credsStore "${store}" could not be listed; it is set aside until logout, so docker logins kept in it are not seen meanwhile.`
        : `credsStore "${store}" set aside until logout; its ${change.addedCredHelpers.length} registries go through credHelpers.`,
    );
  }
  return previousEntry === undefined
    ? { config: next, change, notes }
    : { config: next, change, previousEntry, notes };
}

export interface RemovePlan {
  config: DockerConfig;
  /** What logout did, for the log. */
  notes: string[];
}

function ownsEntry(config: DockerConfig, change: CredentialChange): boolean {
  const auth = config.auths?.[change.registry]?.auth;
  return typeof auth === 'string' && digestAuth(auth) === change.authDigest;
}

/**
 * Undoes exactly one recorded login: our entry goes (or the replaced one comes back), set-aside helpers
 * and store return. Anything changed since by someone else is left alone.
 */
export function planRemoveCredential(
  config: DockerConfig,
  change: CredentialChange,
  previousEntry?: Record<string, unknown>,
): RemovePlan {
  const next: DockerConfig = structuredClone(config);
  const notes: string[] = [];
  if (ownsEntry(config, change) && next.auths) {
    if (previousEntry !== undefined) {
      next.auths[change.registry] = previousEntry;
      notes.push(`Restored the earlier login for ${change.registry}.`);
    } else {
      delete next.auths[change.registry];
      notes.push(`Removed the login for ${change.registry}.`);
    }
    if (change.createdAuths && Object.keys(next.auths).length === 0) delete next.auths;
  } else {
    notes.push(`The login for ${change.registry} was changed or removed since; left as it is.`);
  }
  restoreHelpers(next, change, notes);
  return { config: next, notes };
}

function restoreHelpers(next: DockerConfig, change: CredentialChange, notes: string[]): void {
  const helpers: Record<string, string> = { ...next.credHelpers };
  if (change.removedCredHelper !== undefined && helpers[change.registry] === undefined) {
    helpers[change.registry] = change.removedCredHelper;
    notes.push(`Restored credHelpers entry for ${change.registry}.`);
  }
  if (change.removedCredsStore !== undefined) {
    for (const registry of change.addedCredHelpers) {
      if (helpers[registry] === change.removedCredsStore) delete helpers[registry];
    }
    if (next.credsStore === undefined) {
      next.credsStore = change.removedCredsStore;
      notes.push(`Restored credsStore "${change.removedCredsStore}".`);
    }
  }
  if (Object.keys(helpers).length > 0 || (next.credHelpers !== undefined && !change.createdCredHelpers)) {
    next.credHelpers = helpers;
  } else {
    delete next.credHelpers;
  }
}
