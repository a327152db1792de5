// CCR's docker login: a temporary password for an enterprise instance, or the personal edition's own
// user name and password (it has no temporary credentials).
import { DURATION_UNITS, parseDuration, wholeHours } from '../../core/action/duration.ts';
import type { InputReader } from '../../core/action/input-reader.ts';
import { refuseInputs } from '../../core/action/refuse-inputs.ts';
import { InputError } from '../../core/errors/errors.ts';
import type { LoginCommon, LoginSupport, LoginTarget, RegistryLogin } from '../seam/login.ts';
import {
  type CcrEnterpriseConnection,
  connectCcrWhenNeeded,
  enterpriseOnly,
  readCcrConnection,
} from './connection.ts';
import { type CcrDockerUser, readCcrDockerUser } from './docker-user.ts';
import { CCR_HOST_FORMS, CCR_PERSONAL_REGISTRY, ccrHostInputs } from './registry-host.ts';

/** The longest CCR temporary password the action asks for: it cannot be revoked, only expire. */
const MAX_DURATION_HOURS = 24;
const DEFAULT_DURATION_HOURS = 2;

/** CCR enterprise: a temporary password for an instance. */
class CcrEnterpriseLoginTarget implements LoginTarget {
  readonly kind = 'ccr-enterprise';
  readonly connection: CcrEnterpriseConnection;
  readonly registry?: string;
  /** Which instance domain to log in to when `registry` is not set. */
  readonly registryAccess: 'public' | 'private';
  /** Lifetime of the temporary password, hours. */
  readonly durationHours: number;
  /** Docker user name (`username`); else read from the profile of `userId`. */
  readonly username?: string;
  /** User whose profile names the docker user (`user-id`). */
  readonly userId?: string;
  readonly #user: CcrDockerUser;

  constructor(
    connection: CcrEnterpriseConnection,
    user: CcrDockerUser,
    options: { registryAccess: 'public' | 'private'; durationHours: number; registry: string | undefined },
  ) {
    this.connection = connection;
    this.#user = user;
    if (user.username !== undefined) this.username = user.username;
    if (user.userId !== undefined) this.userId = user.userId;
    this.registryAccess = options.registryAccess;
    this.durationHours = options.durationHours;
    if (options.registry) this.registry = options.registry;
  }

  get renewHint(): string {
    return 'Raise duration if later steps need the registry longer.';
  }

  get notes(): readonly string[] {
    return [];
  }

  async obtain(now: () => Date): Promise<RegistryLogin> {
    const api = await connectCcrWhenNeeded(this.connection);
    // The calls of a temporary login are loaded here, once the inputs are valid.
    const { obtainCcrTemporaryLogin } = await import('./temporary-login.ts');
    const issuedAt = now();
    const { registry, username, password } = await obtainCcrTemporaryLogin(
      api,
      this.connection.instanceId,
      this.#user,
      {
        access: this.registryAccess,
        durationHours: this.durationHours,
        ...(this.registry ? { registry: this.registry } : {}),
      },
    );
    return {
      registry,
      username,
      password,
      expiresAt: new Date(issuedAt.getTime() + this.durationHours * 3_600_000),
      expirySource: `duration ${this.durationHours} h`,
    };
  }
}

/** CCR personal edition: no temporary credentials exist; a long-lived user name and password. */
class CcrPersonalLoginTarget implements LoginTarget {
  readonly kind = 'ccr-personal';
  readonly registry: string;
  readonly username: string;
  readonly password: string;

  constructor(registry: string, username: string, password: string) {
    this.registry = registry;
    this.username = username;
    this.password = password;
  }

  get renewHint(): string {
    return 'Log in again before the steps that need it.';
  }

  get notes(): readonly string[] {
    return [
      'CCR personal edition has no temporary credentials: this is a long-lived login that works until the ' +
        'password is changed. The post step removes it from the runner.',
    ];
  }

  async obtain(): Promise<RegistryLogin> {
    return { registry: this.registry, username: this.username, password: this.password };
  }
}

export const ccrLogin: LoginSupport = {
  loginInputs: ['instance-id', 'registry-access', 'duration', 'username', 'user-id', 'password'],
  hostForms: CCR_HOST_FORMS,
  hostInputs: ccrHostInputs,
  readTarget(reader: InputReader, common: LoginCommon): CcrEnterpriseLoginTarget | CcrPersonalLoginTarget {
    return reader.optional('instance-id') === undefined
      ? readPersonalTarget(reader, common)
      : readEnterpriseTarget(reader, common.registry);
  },
};

function readEnterpriseTarget(reader: InputReader, registry: string | undefined): CcrEnterpriseLoginTarget {
  refuseInputs(
    reader,
    ['password'],
    'a CCR enterprise instance (instance-id), which gets a temporary password',
  );
  const connection = enterpriseOnly(
    readCcrConnection(reader),
    "Input 'instance-id' is required for a CCR enterprise login.",
  );
  const user = readCcrDockerUser(reader, 'a CCR enterprise login needs');
  return new CcrEnterpriseLoginTarget(connection, user, {
    registryAccess: reader.oneOf('registry-access', ['public', 'private'], { default: 'public' }),
    durationHours: readDurationHours(reader),
    registry,
  });
}

/** `duration`: whole hours, as a number of hours (`2`) or a duration (`2h`, `1d`). */
function readDurationHours(reader: InputReader): number {
  const text = reader.optional('duration');
  if (text === undefined) return DEFAULT_DURATION_HOURS;
  const duration = /^\d+$/.test(text) ? parseDuration(`${text}h`) : parseDuration(text);
  const hours = duration && wholeHours(duration);
  if (hours === undefined || hours < 1 || hours > MAX_DURATION_HOURS) {
    throw new InputError(
      'duration',
      `Input 'duration' must be whole hours from 1 to ${MAX_DURATION_HOURS}, as a number of hours or a duration such as 2h or 1d (${DURATION_UNITS}), got "${text}".`,
    );
  }
  return hours;
}

function readPersonalTarget(reader: InputReader, common: LoginCommon): CcrPersonalLoginTarget {
  const username = reader.optional('username');
  const { password } = common;
  if (!username && !password) {
    throw new InputError(
      ['instance-id', 'username', 'password'],
      "Inputs 'instance-id', 'username' and 'password' are empty: provider ccr needs instance-id (CCR " +
        'enterprise: the action gets a temporary password), or username and password (CCR personal edition, ' +
        'which has no temporary credentials).',
    );
  }
  if (!username || !password) {
    const missing = username ? 'password' : 'username';
    throw new InputError(
      missing,
      `Input '${missing}' is empty: CCR personal edition login (no instance-id) needs username and password.`,
    );
  }
  refuseInputs(
    reader,
    ['duration', 'user-id', 'registry-access'],
    'the CCR personal edition (no instance-id)',
  );
  return new CcrPersonalLoginTarget(common.registry ?? CCR_PERSONAL_REGISTRY, username, password);
}
