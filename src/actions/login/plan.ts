// Pure decisions of the login action: which registry and login to use, when it expires, what to warn.
import { registryKey } from '../../core/docker/registry-host.ts';
import { ApiError, InputError } from '../../core/errors/errors.ts';
import type { CcrInstanceDetail } from '../../providers/ccr/instances.ts';
import { customDomainsOf } from '../../providers/ccr/instances.ts';
import { ccrInstanceRegistryHost } from '../../providers/ccr/registry-host.ts';
import type { SwrLoginSecret } from '../../providers/swr/login-secret.ts';
import { swrRegistryHost } from '../../providers/swr/registry-host.ts';

/** A login ready to write into the Docker config. */
export interface RegistryLogin {
  registry: string;
  username: string;
  password: string;
  /** When the password stops working; undefined for long-lived credentials. */
  expiresAt?: Date;
  /** How expiresAt was learned, for the log. */
  expirySource?: string;
}

/** SWR documents a 6-hour lifetime for temporary login commands. */
export const SWR_LOGIN_LIFETIME_HOURS = 6;

/**
 * The login to write from an SWR secret: only the entry for the region's registry, or for the `registry`
 * input's host (a secret naming no host counts as the region's). An entry for any other host is never
 * written: the answer could point later steps' pushes at a registry the workflow never named. Without an
 * expiry header, the documented 6 hours apply.
 */
export function chooseSwrLogin(
  secret: SwrLoginSecret,
  region: string,
  now: Date,
  registryOverride?: string,
): RegistryLogin {
  const regionHost = swrRegistryHost(region);
  const accepted = new Set([regionHost, (registryOverride && registryKey(registryOverride)) || regionHost]);
  const login =
    secret.logins.find((candidate) => accepted.has(registryKey(candidate.host ?? '') ?? '')) ??
    secret.logins.find((candidate) => candidate.host === undefined);
  if (!login) throw unexpectedHosts(secret, [...accepted]);
  const expiresAt = secret.expiresAt ?? new Date(now.getTime() + SWR_LOGIN_LIFETIME_HOURS * 3_600_000);
  return {
    registry: registryOverride ?? regionHost,
    username: login.username,
    password: login.password,
    expiresAt,
    expirySource: secret.expiresAt
      ? 'X-Swr-Expireat header'
      : `SWR's documented ${SWR_LOGIN_LIFETIME_HOURS}-hour lifetime`,
  };
}

function unexpectedHosts(secret: SwrLoginSecret, accepted: readonly string[]): ApiError {
  const named = secret.logins.map((login) => JSON.stringify(login.host ?? '')).join(', ');
  return new ApiError({
    provider: 'SWR',
    operation: 'create a temporary docker login',
    method: 'POST',
    path: '/v2/manage/utils/secret',
    status: 200,
    providerMessage: `the login is for ${named}, not for ${accepted.join(' or ')}; nothing was written`,
    hint: "Set the 'registry' input to the registry host this login is for, if that is the one you mean.",
  });
}

/** The registry host of a CCR enterprise instance: `registry` input, else publicURL or privateURL. */
export function chooseCcrRegistry(
  detail: CcrInstanceDetail,
  access: 'public' | 'private',
  instanceId: string,
  registryOverride?: string,
): string {
  if (registryOverride) return registryOverride;
  const host = ccrInstanceRegistryHost(detail, access);
  if (host) return host;
  const domains = customDomainsOf(detail.info);
  const suggestion = domains.length > 0 ? ` Its custom domains: ${domains.join(', ')}.` : '';
  throw new InputError(
    ['registry-access', 'registry'],
    `Input 'registry-access' is ${access}, but instance ${instanceId} reports no ${access} registry domain ` +
      `(${access}URL). Set 'registry-access' to the other value, or set 'registry' to the domain to use.${suggestion}`,
  );
}

/** Below this much remaining life, the log warns that later steps may find the login expired. */
export const EXPIRY_WARNING_MINUTES = 60;

/** A warning when the login may expire while the job still needs it; undefined otherwise. */
export function expiryWarning(login: RegistryLogin, now: Date, hint: string): string | undefined {
  if (!login.expiresAt) return undefined;
  const minutes = Math.floor((login.expiresAt.getTime() - now.getTime()) / 60_000);
  if (minutes >= EXPIRY_WARNING_MINUTES) return undefined;
  return (
    `The login to ${login.registry} expires at ${login.expiresAt.toISOString()} (in ${Math.max(minutes, 0)} ` +
    `minutes): pushes and pulls after that fail with 401 unauthorized. ${hint}`
  );
}

/** "5 h 30 min" style duration between now and a date. */
export function formatRemaining(until: Date, now: Date): string {
  const minutes = Math.max(0, Math.round((until.getTime() - now.getTime()) / 60_000));
  const hours = Math.floor(minutes / 60);
  return hours > 0 ? `${hours} h ${minutes % 60} min` : `${minutes} min`;
}
