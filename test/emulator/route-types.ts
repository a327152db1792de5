// What a route module exports: routes with a provider (which decides auth and error bodies) and a handler.
import type { FaultConfig } from './faults.ts';
import type { EmulatorSeed } from './seed-types.ts';
import type { EmulatorState } from './state.ts';

/**
 * `iam` and `admin` need no auth; `swr` needs an IAM token or an SDK-HMAC signature; `ccr` bce-auth-v1;
 * `github` routes check the job token themselves (GitHub answers per permission).
 */
export type RouteProvider = 'iam' | 'swr' | 'ccr' | 'github' | 'admin';

export type AuthKind = 'none' | 'iam-token' | 'huawei-signature' | 'baidu-signature';

/** A response as handlers describe it; `body` is sent as JSON, `raw` as is. */
export interface EmuResponse {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  raw?: string;
}

/** What the admin routes may change besides state. */
export interface EmulatorControl {
  setFaults(faults: FaultConfig): void;
  faults(): FaultConfig;
  reseed(seed: EmulatorSeed): void;
  requests(): unknown[];
  clearRequests(): void;
}

export interface RequestContext {
  method: string;
  url: URL;
  /** Path parameters, percent-decoded. */
  params: Record<string, string>;
  query: URLSearchParams;
  /** Lower-case names. */
  headers: Record<string, string>;
  body: string;
  /** Also sent as `x-bce-request-id` / `X-Request-Id`. */
  requestId: string;
  now: Date;
  state: EmulatorState;
  auth: AuthKind;
  control: EmulatorControl;
}

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Segments starting with `:` are parameters, e.g. `/v2/manage/namespaces/:namespace`. */
  path: string;
  provider: RouteProvider;
  /** Auth scheme when not the provider's default (e.g. an IAM call that needs a token or signature). */
  auth?: 'none' | 'huawei' | 'baidu';
  handle(context: RequestContext): EmuResponse | Promise<EmuResponse>;
}
