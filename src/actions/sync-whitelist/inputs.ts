// The only place that reads sync-whitelist inputs: INPUT_* → one typed, validated object.

import { DURATION_UNITS, parseDuration } from '../../core/action/duration.ts';
import { InputReader } from '../../core/action/input-reader.ts';
import { checkDeclaredInputs } from '../../core/action/undeclared-inputs.ts';
import { InputError } from '../../core/errors/errors.ts';
import { stepHost } from '../../core/host/step-host.ts';
import type { IpVersion } from '../../core/net/egress-ip.ts';
import { type IpNetwork, parseHostAddress } from '../../core/net/ip-network.ts';
import { chooseProvider, PROVIDERS, type ProviderTable } from '../../providers/index.ts';
import type { AllowlistTarget, NewPrivateLink } from '../../providers/seam/allowlist.ts';
import type { ProviderWith } from '../../providers/seam/provider.ts';
import { actionMetadata } from './action-metadata.ts';
import { type DeclaredEntry, parseEntryLines } from './entry-lines.ts';
import { isValidOwner } from './marker.ts';
import type { WhitelistMode } from './plan.ts';
import type { PublicAccessWish } from './public-access.ts';

export interface SyncWhitelistInputs {
  /** The instance to connect to, read by the provider. */
  target: AllowlistTarget;
  instanceId: string;
  mode: WhitelistMode;
  entries: DeclaredEntry[];
  /** Normalisations worth telling the user (e.g. an IPv4-mapped address read as IPv4). */
  entryNotes: string[];
  /** `detect`: ask the lookup services; an address: given by the user; false: no runner lease. */
  runnerIp: false | 'detect' | IpNetwork;
  ipVersion: IpVersion;
  ipLookupUrls: string[];
  ipLookupTimeoutMs: number;
  owner: string;
  leaseMs: number;
  publicAccess: PublicAccessWish;
  restorePublicAccess: boolean;
  privateLinks: NewPrivateLink[];
  prunePrivateLinks: boolean;
  dryRun: boolean;
  /** This run in markers: `<GITHUB_RUN_ID>-<GITHUB_RUN_ATTEMPT>` on the runner (JobFacts.runId). */
  runId: string;
}

const MIN_LEASE_MS = 5 * 60_000;
const MAX_LEASE_MS = 7 * 24 * 3_600_000;

/** Reads and validates every input before any API call; InputError names the input and the rule. */
export function readSyncWhitelistInputs(
  reader: InputReader = new InputReader(),
  env: NodeJS.ProcessEnv = process.env,
  providers: ProviderTable = PROVIDERS,
): SyncWhitelistInputs {
  const provider = chooseAllowlist(reader, providers);
  const target = provider.allowlist.read(reader);
  const { entries, notes } = parseEntryLines(reader.lines('entries'), {
    input: 'entries',
    allowAny: reader.boolean('allow-any', { default: false }),
  });
  const mode = reader.oneOf('mode', ['add', 'sync', 'remove', 'sweep'], { default: 'add' });
  const privateLinks = readPrivateLinks(reader, provider);
  const publicAccess = reader.oneOf('public-access', ['open', 'close', 'keep'], { default: 'keep' });
  const inputs: SyncWhitelistInputs = {
    target,
    instanceId: target.instanceId,
    mode,
    entries,
    entryNotes: notes,
    runnerIp:
      readRunnerIp(reader) ??
      (mode === 'add' && entries.length === 0 && privateLinks.length === 0 && publicAccess === 'keep'
        ? 'detect'
        : false),
    ipVersion: reader.oneOf('ip-version', ['4', '6', 'any'], { default: '4' }),
    ipLookupUrls: readLookupUrls(reader),
    ipLookupTimeoutMs: reader.integer('ip-lookup-timeout', { min: 1, max: 60, default: 5 }) * 1000,
    owner: readOwner(reader),
    leaseMs: readLeaseDuration(reader),
    publicAccess,
    restorePublicAccess: reader.boolean('restore-public-access', { default: false }),
    privateLinks,
    prunePrivateLinks: reader.boolean('prune-private-links', { default: false }),
    dryRun: reader.boolean('dry-run', { default: false }),
    runId: stepHost().job.runId(env),
  };
  checkCombinations(inputs);
  checkDeclaredInputs(reader, actionMetadata, destructiveRun(inputs));
  return inputs;
}

/** The `provider` input's provider, or the first one with an allowlist when the input is empty. */
export function chooseAllowlist(
  reader: InputReader,
  providers: ProviderTable = PROVIDERS,
): ProviderWith<'allowlist'> {
  return chooseProvider(reader, 'allowlist', { action: 'sync-whitelist', table: providers, optional: true });
}

/** `private-links` lines, parsed by the provider; an InputError when its registry has no private links. */
function readPrivateLinks(reader: InputReader, provider: ProviderWith<'allowlist'>): NewPrivateLink[] {
  const lines = reader.lines('private-links');
  const parse = provider.allowlist.parsePrivateLinks;
  if (lines.length === 0) return [];
  if (!parse) {
    throw new InputError('private-links', `Input 'private-links' is not supported by ${provider.label}.`);
  }
  return parse(lines, 'private-links');
}

/** Modes that remove entries, and pruning private links, refuse an input the action does not know. */
function destructiveRun(inputs: SyncWhitelistInputs): Parameters<typeof checkDeclaredInputs>[2] {
  if (inputs.mode !== 'add') {
    return { refuse: true, because: `mode ${inputs.mode} removes allowlist entries` };
  }
  if (inputs.prunePrivateLinks) return { refuse: true, because: 'prune-private-links unlinks VPCs' };
  return { refuse: false };
}

/**
 * `runner-ip`: true (detect), false, or an address; empty leaves the choice to the mode: a lease of the
 * runner's address when mode add has nothing else to do (the usual job lease), else none.
 */
function readRunnerIp(reader: InputReader): SyncWhitelistInputs['runnerIp'] | undefined {
  const text = reader.optional('runner-ip');
  if (text === undefined) return undefined;
  if (/^(false|no|off)$/i.test(text)) return false;
  if (/^(true|yes|on)$/i.test(text)) return 'detect';
  const ip = parseHostAddress(text);
  if (!ip) {
    throw new InputError(
      'runner-ip',
      `Input 'runner-ip' must be true, false or a single IP address, got "${text}".`,
    );
  }
  return ip;
}

function readLookupUrls(reader: InputReader): string[] {
  const urls = reader.list('ip-lookup-url');
  for (const url of urls) {
    const parsed = URL.canParse(url) ? new URL(url) : undefined;
    // Over plain http anyone on the path could answer with an address of their choosing to lease.
    const plainAllowed = parsed?.protocol === 'http:' && isLoopbackHost(parsed.hostname);
    if (!parsed || (parsed.protocol !== 'https:' && !plainAllowed)) {
      throw new InputError(
        'ip-lookup-url',
        `Input 'ip-lookup-url' must list https URLs (plain http only for loopback addresses), got "${url}".`,
      );
    }
  }
  return urls;
}

/** 127.0.0.0/8, ::1 and localhost: a lookup service on the runner itself. */
function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

function readOwner(reader: InputReader): string {
  const owner = reader.string('owner', { default: 'registry-actions' });
  if (!isValidOwner(owner)) {
    throw new InputError(
      'owner',
      `Input 'owner' must be up to 32 letters, digits, '.', '_' or '-', starting with a letter or digit, got "${owner}".`,
    );
  }
  return owner;
}

function readLeaseDuration(reader: InputReader): number {
  const text = reader.string('lease-duration', { default: '6h' });
  const ms = parseDuration(text)?.ms;
  if (ms === undefined || ms < MIN_LEASE_MS || ms > MAX_LEASE_MS) {
    throw new InputError(
      'lease-duration',
      `Input 'lease-duration' must be a duration from 5m to 7d such as 6h, 90m or 1d12h (${DURATION_UNITS}), got "${text}".`,
    );
  }
  return ms;
}

/** Rules that involve more than one input. */
function checkCombinations(inputs: SyncWhitelistInputs): SyncWhitelistInputs {
  const { mode, entries, runnerIp, privateLinks, prunePrivateLinks, publicAccess } = inputs;
  if (
    mode === 'sweep' &&
    (entries.length > 0 || runnerIp !== false || privateLinks.length > 0 || publicAccess !== 'keep')
  ) {
    throw new InputError(
      ['mode', 'entries', 'runner-ip', 'private-links', 'public-access'],
      "Input 'mode' is sweep, which only removes expired leases: leave 'entries', 'runner-ip', 'private-links' and 'public-access' unset.",
    );
  }
  if (mode === 'remove' && (privateLinks.length > 0 || prunePrivateLinks)) {
    throw new InputError(
      ['mode', 'private-links', 'prune-private-links'],
      "Input 'mode' is remove, which does not manage private links: use mode add or sync with 'private-links'.",
    );
  }
  if (mode === 'sync' && entries.length === 0) {
    throw new InputError(
      ['mode', 'entries'],
      "Input 'mode' is sync but 'entries' is empty: an empty declaration would remove every managed entry. Use mode remove to remove entries.",
    );
  }
  if (mode === 'remove' && entries.length === 0 && runnerIp === false) {
    throw new InputError(
      ['mode', 'entries', 'runner-ip'],
      "Input 'mode' is remove but 'entries' is empty and 'runner-ip' is false: name the entries or the runner address to remove.",
    );
  }
  if (
    mode === 'add' &&
    entries.length === 0 &&
    runnerIp === false &&
    privateLinks.length === 0 &&
    publicAccess === 'keep'
  ) {
    throw new InputError(
      ['entries', 'runner-ip'],
      "Input 'entries' is empty, 'runner-ip' is false and 'private-links' and 'public-access' are unset: nothing to do. Set at least one of them.",
    );
  }
  if (prunePrivateLinks && privateLinks.length === 0) {
    throw new InputError(
      ['prune-private-links', 'private-links'],
      "Input 'prune-private-links' needs 'private-links': pruning against an empty declaration would unlink every VPC.",
    );
  }
  if (inputs.restorePublicAccess && publicAccess === 'keep') {
    throw new InputError(
      ['restore-public-access', 'public-access'],
      "Input 'restore-public-access' needs 'public-access' open or close: there is nothing to restore otherwise.",
    );
  }
  return inputs;
}
