// The login action's inputs: parsed and checked here, before any API call.
import { inputLabel } from '../../core/action/input-names.ts';
import { InputReader } from '../../core/action/input-reader.ts';
import { checkDeclaredInputs } from '../../core/action/undeclared-inputs.ts';
import { registryKey } from '../../core/docker/registry-host.ts';
import { InputError } from '../../core/errors/errors.ts';
import {
  type CcrEnterpriseConnection,
  enterpriseOnly,
  readCcrConnection,
} from '../../providers/ccr/connection.ts';
import { CCR_PERSONAL_REGISTRY } from '../../providers/ccr/registry-host.ts';
import { readProvider } from '../../providers/index.ts';
import { readSwrConnection, type SwrConnection } from '../../providers/swr/connection.ts';
import { actionMetadata } from './action-metadata.ts';

/** SWR: a temporary login from `POST /v2/manage/utils/secret`. */
export interface SwrLoginTarget {
  kind: 'swr';
  connection: SwrConnection;
  /** Registry host override (`registry`). */
  registry?: string;
}

/**
 * Who the docker user is: named (`username`), or read from the profile of a Baidu Cloud user id
 * (`user-id`), since the profile call takes the id (`GET /v1/users/profile?userId=`).
 */
export type CcrDockerUser = { username: string; userId?: string } | { username?: undefined; userId: string };

/** CCR enterprise: a temporary password for an instance. */
export type CcrEnterpriseLoginTarget = CcrEnterpriseLoginBase & CcrDockerUser;

interface CcrEnterpriseLoginBase {
  kind: 'ccr-enterprise';
  connection: CcrEnterpriseConnection;
  registry?: string;
  /** Which instance domain to log in to when `registry` is not set. */
  registryAccess: 'public' | 'private';
  /** Lifetime of the temporary password, hours. */
  durationHours: number;
}

/** CCR personal edition: no temporary credentials exist; a long-lived user name and password. */
export interface CcrPersonalLoginTarget {
  kind: 'ccr-personal';
  registry: string;
  username: string;
  password: string;
}

export type LoginTarget = SwrLoginTarget | CcrEnterpriseLoginTarget | CcrPersonalLoginTarget;

export interface LoginInputs {
  target: LoginTarget;
  /** Remove the login in the post step (`logout`). */
  logout: boolean;
  /** Also set the `password` output, masked (`output-password`). */
  outputPassword: boolean;
}

/** The longest CCR temporary password the action asks for: it cannot be revoked, only expire. */
export const MAX_DURATION_HOURS = 24;
export const DEFAULT_DURATION_HOURS = 2;

/** Reads and checks every login input; InputError names the input and the rule. */
export function readLoginInputs(reader: InputReader = new InputReader()): LoginInputs {
  // Secrets first, so they are masked before anything can print them.
  const password = reader.secret('password');
  checkDeclaredInputs(reader, actionMetadata, { refuse: false });
  const provider = readProvider(reader);
  const registry = readRegistry(reader);
  const common = {
    logout: reader.boolean('logout', { default: true }),
    outputPassword: reader.boolean('output-password', { default: false }),
  };
  if (provider === 'swr') {
    rejectInputs(
      reader,
      ['instance-id', 'password', 'username', 'duration', 'user-id', 'registry-access'],
      'provider swr',
    );
    const connection = readSwrConnection(reader);
    return {
      ...common,
      target: registry ? { kind: 'swr', connection, registry } : { kind: 'swr', connection },
    };
  }
  if (reader.optional('instance-id') === undefined) {
    return { ...common, target: readPersonalTarget(reader, registry, password) };
  }
  return { ...common, target: readEnterpriseTarget(reader, registry) };
}

function readRegistry(reader: InputReader): string | undefined {
  const text = reader.optional('registry');
  if (text === undefined) return undefined;
  const key = registryKey(text);
  if (key === undefined) {
    throw new InputError(
      'registry',
      `Input 'registry' must be a registry host such as swr.cn-north-4.myhuaweicloud.com or ` +
        `registry.example.com:5000 (no path), got "${text}".`,
    );
  }
  return key;
}

function readEnterpriseTarget(reader: InputReader, registry: string | undefined): CcrEnterpriseLoginTarget {
  rejectInputs(
    reader,
    ['password'],
    'a CCR enterprise instance (instance-id), which gets a temporary password',
  );
  const connection = enterpriseOnly(
    readCcrConnection(reader),
    "Input 'instance-id' is required for a CCR enterprise login.",
  );
  const target: CcrEnterpriseLoginTarget = {
    ...readDockerUser(reader),
    kind: 'ccr-enterprise',
    connection,
    registryAccess: reader.oneOf('registry-access', ['public', 'private'], { default: 'public' }),
    durationHours: reader.integer('duration', {
      min: 1,
      max: MAX_DURATION_HOURS,
      default: DEFAULT_DURATION_HOURS,
    }),
  };
  if (registry) target.registry = registry;
  return target;
}

/** `username`, else `user-id` whose profile names the docker user; one of them is needed. */
function readDockerUser(reader: InputReader): CcrDockerUser {
  const username = reader.optional('username');
  const userId = reader.optional('user-id');
  if (username) return userId ? { username, userId } : { username };
  if (userId) return { userId };
  throw new InputError(
    ['username', 'user-id'],
    "Inputs 'username' and 'user-id' are both empty: a CCR enterprise login needs the docker user name " +
      '(username), or the Baidu Cloud user id whose profile names it (user-id, shown in the account ' +
      'center), since the profile call takes a user id.',
  );
}

function readPersonalTarget(
  reader: InputReader,
  registry: string | undefined,
  password: string | undefined,
): CcrPersonalLoginTarget {
  const username = reader.optional('username');
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
  rejectInputs(
    reader,
    ['duration', 'user-id', 'registry-access'],
    'the CCR personal edition (no instance-id)',
  );
  return { kind: 'ccr-personal', registry: registry ?? CCR_PERSONAL_REGISTRY, username, password };
}

/** Inputs that mean nothing for this kind of login are an error, not silently ignored. */
function rejectInputs(reader: InputReader, names: readonly string[], where: string): void {
  const given = names.filter((name) => reader.optional(name) !== undefined);
  if (given.length === 0) return;
  throw new InputError(given, `${inputLabel(given)} cannot be used with ${where}.`);
}
