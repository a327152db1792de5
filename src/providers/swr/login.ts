// SWR's docker login: a temporary login from `POST /v2/manage/utils/secret` (spec 4.10.1).
import type { InputReader } from '../../core/action/input-reader.ts';
import { refuseInputs } from '../../core/action/refuse-inputs.ts';
import { registryKey } from '../../core/docker/registry-host.ts';
import { ApiError } from '../../core/errors/errors.ts';
import type { LoginCommon, LoginSupport, LoginTarget, RegistryLogin } from '../seam/login.ts';
import { connectSwrWhenNeeded, readSwrConnection, type SwrConnection } from './connection.ts';
import { createSwrLoginSecret, type SwrLoginSecret } from './login-secret.ts';
import { SWR_HOST_FORM, swrHostInputs, swrRegistryHost } from './registry-host.ts';

/** SWR: a temporary login for the region. */
class SwrLoginTarget implements LoginTarget {
  readonly kind = 'swr';
  readonly connection: SwrConnection;
  /** Registry host override (`registry`). */
  readonly registry?: string;

  constructor(connection: SwrConnection, registry: string | undefined) {
    this.connection = connection;
    if (registry) this.registry = registry;
  }

  get renewHint(): string {
    return 'Log in again before the steps that need it.';
  }

  get notes(): readonly string[] {
    return [];
  }

  async obtain(now: () => Date): Promise<RegistryLogin> {
    const api = await connectSwrWhenNeeded(this.connection);
    const secret = await createSwrLoginSecret(api, this.connection.region);
    return chooseSwrLogin(secret, this.connection.region, now(), this.registry);
  }
}

/** SWR documents a 6-hour lifetime for temporary login commands. */
const SWR_LOGIN_LIFETIME_HOURS = 6;

export const swrLogin: LoginSupport = {
  loginInputs: [],
  hostForms: [SWR_HOST_FORM],
  hostInputs: swrHostInputs,
  readTarget(reader: InputReader, common: LoginCommon): SwrLoginTarget {
    refuseInputs(
      reader,
      ['instance-id', 'password', 'username', 'duration', 'user-id', 'registry-access'],
      'provider swr',
    );
    return new SwrLoginTarget(readSwrConnection(reader), common.registry);
  },
};

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
