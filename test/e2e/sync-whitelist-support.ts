// Shared setup of the sync-whitelist end-to-end tests: emulator, IP lookup server, step runners.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  DEFAULT_CCR_INSTANCE,
  DEFAULT_CREDENTIALS,
  type Emulator,
  type EmulatorSeed,
  startEmulator,
} from '../emulator/index.ts';
import { newJobDir, runStep, type StepResult } from '../harness/runner.ts';
import { closedAfterEach } from '../support/closed-after-each.ts';
import { ccrEmulatorInputs } from '../support/emulator-inputs.ts';
import { findLeaks } from '../support/leaks.ts';

export const bce = DEFAULT_CREDENTIALS.baidu;
export const instanceId = DEFAULT_CCR_INSTANCE.id;
export const WHITELIST_PATH = `/v1/instances/${instanceId}/publiclinks/whitelist`;

export interface Fixture {
  emu: Emulator;
  /** A lookup service on 127.0.0.1 answering `address` (change it between runs). */
  lookup: { url: string; address: string };
  close(): Promise<void>;
}

/** Starts the emulator (one instance with the given public links) and a local IP lookup server. */
export async function startFixture(
  publicLinks: {
    status?: 'opened' | 'closed';
    whitelist?: Array<{ ipAddr: string; description: string }>;
  } = {},
  extra: Partial<EmulatorSeed['ccr']> = {},
): Promise<Fixture> {
  const seed: EmulatorSeed = {
    ccr: { instances: [{ id: instanceId, publicLinks: { status: 'opened', ...publicLinks } }], ...extra },
  };
  const emu = await startEmulator({ seed });
  const lookup = { url: '', address: '198.51.100.7' };
  const server: Server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/plain' });
    response.end(`${lookup.address}\n`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  lookup.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return {
    emu,
    lookup,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await emu.close();
    },
  };
}

/** startFixture for one test file (call it at the top): whatever a test starts is closed after it. */
export function fixturesClosedAfterEach(): typeof startFixture {
  return closedAfterEach(startFixture);
}

/** The inputs every run needs: provider, region, endpoint, credentials, instance, lookup URL. */
export function baseInputs(fixture: Fixture): Record<string, string> {
  return {
    ...ccrEmulatorInputs(fixture.emu.url),
    'instance-id': instanceId,
    'ip-lookup-url': fixture.lookup.url,
  };
}

/** One main (or post) step of sync-whitelist with extra inputs; `env` may set GITHUB_RUN_ID etc. */
export function step(
  fixture: Fixture,
  inputs: Record<string, string>,
  options: {
    entry?: 'main' | 'post';
    state?: Record<string, string>;
    env?: Record<string, string>;
    jobDir?: string;
  } = {},
): Promise<StepResult> {
  return runStep({
    action: 'sync-whitelist',
    inputs: { ...baseInputs(fixture), ...inputs },
    jobDir: options.jobDir ?? newJobDir(),
    ...(options.entry ? { entry: options.entry } : {}),
    ...(options.state ? { state: options.state } : {}),
    ...(options.env ? { env: options.env } : {}),
  });
}

/** A job as the runner runs it: main, then post with main's state (also after a failed main). */
export async function job(
  fixture: Fixture,
  inputs: Record<string, string>,
  env: Record<string, string> = {},
): Promise<{ main: StepResult; post: StepResult }> {
  const jobDir = newJobDir();
  const main = await step(fixture, inputs, { env, jobDir });
  const post = await step(fixture, inputs, { entry: 'post', state: main.state, env, jobDir });
  return { main, post };
}

/** The allowlist in the emulator now. */
export function whitelist(fixture: Fixture): Array<{ ipAddr: string; description: string }> {
  return fixture.emu.state.ccrInstances.get(instanceId)!.whitelist.map((entry) => ({ ...entry }));
}

/** Requests that change something. */
export function writes(fixture: Fixture) {
  return fixture.emu.requests.filter((request) => request.method !== 'GET');
}

/** Where a secret shows up in what the user sees; empty when nowhere. */
export function leaks(result: StepResult): string[] {
  return findLeaks(result, [bce.secretAccessKey]);
}
