// startEmulator(): one loopback HTTP server speaking IAM, SWR, CCR personal and CCR enterprise APIs.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { API_FAMILIES, type ApiFamily, familyOfRoute } from './api-families.ts';
import { type FaultConfig, FaultEngine } from './faults.ts';
import { routes } from './routes/index.ts';
import { buildState } from './seed-build.ts';
import type { EmulatorSeed } from './seed-types.ts';
import { createEmulatorServer, type RequestLogEntry } from './server.ts';
import { loadVerifiers } from './signature-verifiers.ts';
import type { EmulatorState, TagDeleteMode } from './state.ts';

export type { ApiFamily } from './api-families.ts';
export { DEFAULT_CCR_INSTANCE, DEFAULT_CREDENTIALS } from './credentials.ts';
export type { FaultConfig, FaultSet, FaultTrigger, RouteFault } from './faults.ts';
export type { EmulatorSeed } from './seed-types.ts';
export type { RequestLogEntry } from './server.ts';
export type { EmulatorState, TagDeleteMode } from './state.ts';

export interface EmulatorOptions {
  /** 0 or absent: any free port. */
  port?: number;
  /** Loopback address to bind; default 127.0.0.1. */
  host?: string;
  seed?: EmulatorSeed;
  /** Overrides the seed's tagDeleteMode. */
  tagDeleteMode?: TagDeleteMode;
  /** Overrides the seed's faults. */
  faults?: FaultConfig;
  /** Clock for token expiry, signature skew, rate limits and new resources' times. */
  now?: () => Date;
  /**
   * Also serve each API family on a base URL of its own (`urls`), answering 404 for the others' paths,
   * as the clouds' separate hosts do: a client that sends a call to the wrong host fails.
   */
  separateHosts?: boolean;
  /** Called after each API request is answered, with its log entry: a test may change the state in between. */
  afterResponse?: (entry: RequestLogEntry) => void;
}

/** One base URL per API family (with `separateHosts`). */
export type FamilyUrls = Record<ApiFamily, string>;

export interface Emulator {
  /** `http://127.0.0.1:PORT`, the `endpoint` (and `iam-endpoint`) input of the actions. */
  url: string;
  /** Live state; tests may read and change it directly. */
  state: EmulatorState;
  setFaults(faults: FaultConfig): void;
  /** Every API request so far (admin requests excluded). */
  requests: RequestLogEntry[];
  /** With `separateHosts`: the base URL of each API family. */
  urls?: FamilyUrls;
  close(): Promise<void>;
}

/** Starts the emulator on a loopback port. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const now = options.now ?? (() => new Date());
  const seed: EmulatorSeed = {
    ...options.seed,
    ...(options.tagDeleteMode ? { tagDeleteMode: options.tagDeleteMode } : {}),
  };
  const state = buildState(seed, now());
  const faults = new FaultEngine(now, options.faults ?? seed.faults ?? {});
  const requests: RequestLogEntry[] = [];
  const control = {
    setFaults: (config: FaultConfig) => faults.set(config),
    faults: () => faults.config(),
    // Replace contents, not the object: callers keep their reference to `state`.
    reseed: (next: EmulatorSeed) => {
      Object.assign(state, buildState(next, now()));
      faults.set(next.faults ?? {});
    },
    requests: () => requests,
    clearRequests: () => requests.splice(0, requests.length),
  };
  const verifiers = await loadVerifiers();
  const deps = {
    state,
    faults,
    verifiers,
    now,
    control,
    log: requests,
    afterResponse: options.afterResponse,
  };
  const host = options.host ?? '127.0.0.1';
  const main = await listen(createEmulatorServer({ ...deps, routes }), host, options.port ?? 0);
  const servers = [main];
  let urls: FamilyUrls | undefined;
  if (options.separateHosts) {
    const entries: Array<[ApiFamily, string]> = [];
    for (const family of API_FAMILIES) {
      const only = routes.filter((route) => route.provider === 'admin' || familyOfRoute(route) === family);
      const server = await listen(createEmulatorServer({ ...deps, routes: only }), host, 0);
      servers.push(server);
      entries.push([family, server.url]);
    }
    urls = Object.fromEntries(entries) as FamilyUrls;
  }
  return {
    url: main.url,
    state,
    setFaults: control.setFaults,
    requests,
    ...(urls ? { urls } : {}),
    close: async () => {
      await Promise.all(servers.map((server) => server.close()));
    },
  };
}

async function listen(
  server: Server,
  host: string,
  port: number,
): Promise<{ url: string; close(): Promise<void> }> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Hung requests and keep-alive sockets would hold close() open.
        server.closeAllConnections();
      }),
  };
}
