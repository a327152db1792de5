// What the login action needs from a provider: its login inputs read up front, then a docker login.
import type { InputReader } from '../../core/action/input-reader.ts';
import type { Support } from './provider.ts';

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

/** The login inputs the action reads itself, whatever the provider. */
export interface LoginCommon {
  /** The `registry` input as a host, when set. */
  registry: string | undefined;
  /** The `password` input (already masked), when set. */
  password: string | undefined;
}

/** One run's login as read from the inputs, before any call. */
export interface LoginTarget {
  /** Which kind of login this is (swr, ccr-enterprise, ccr-personal…), for logs and tests. */
  readonly kind: string;
  /** What to do when the login may expire while later steps still need it. */
  readonly renewHint: string;
  /** What the log says of this kind of login once it is written (e.g. that it is long-lived). */
  readonly notes: readonly string[];
  /** Gets the login from the registry; `now` stamps computed expiry times. */
  obtain(now: () => Date): Promise<RegistryLogin>;
}

export interface LoginSupport extends Support {
  /** Reads this provider's login inputs (connection, credentials, options); InputError names what is wrong. */
  readTarget(reader: InputReader, common: LoginCommon): LoginTarget;
  /** Inputs only this provider's login reads (a step logging in to several providers shows each its own). */
  readonly loginInputs: readonly string[];
  /** This provider's registry hosts as users write them (`swr.<region>.myhuaweicloud.com`), for messages. */
  readonly hostForms: readonly string[];
  /**
   * The login inputs a registry host of this provider implies (region, instance-id…), so the host alone
   * can say where to log in; undefined for a host that is not one of this provider's.
   */
  hostInputs(host: string): Readonly<Record<string, string>> | undefined;
}
