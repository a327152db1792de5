// `npm run demo`: builds if needed, starts the emulator on a free loopback port, and runs each dist action
// against it exactly as the runner would (INPUT_* variables, output/state/env/summary files), in the order
// of a release workflow: login → ensure-namespace → prune-tags (dry run, then real) → sync-whitelist
// (lease the runner IP; post removes it) → login post. Prints each step as workflow YAML (`uses:` and its
// `with:` block, secrets shown as *** as the runner shows them), then its log, outputs and summary.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { stringify } from 'yaml';
import {
  DEFAULT_CCR_INSTANCE,
  type EmulatorSeed,
  type EmulatorState,
  startEmulator,
} from '../test/emulator/index.ts';
import { newJobDir, runStep, type StepOptions, type StepResult } from '../test/harness/runner.ts';
import { ccrEmulatorInputs, swrEmulatorInputs } from '../test/support/emulator-inputs.ts';

const root = resolve(import.meta.dirname, '..');
const ACTIONS = ['login', 'ensure-namespace', 'prune-tags', 'sync-whitelist'];
const RUNNER_IP = '203.0.113.77';
const VERSION = `v${(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version}`;
/** Inputs the actions mask the moment they read them; the runner's log shows them as ***. */
const SECRET_INPUTS = new Set([
  'access-key-id',
  'secret-access-key',
  'security-token',
  'password',
  'iam-password',
]);

function buildIfNeeded(): void {
  const missing = ACTIONS.filter((name) => !existsSync(join(root, 'dist', name, 'index.js')));
  if (missing.length === 0) return;
  console.log(`dist/ lacks ${missing.join(', ')}: building`);
  const build = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('npm run build failed');
}

/** A stand-in for the public "what is my IP" services, on loopback. */
async function startIpLookup(): Promise<{ url: string; close: () => void }> {
  const server = createServer((_, response) => response.end(`${RUNNER_IP}\n`));
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => server.close() };
}

/** The step as a workflow would write it: `uses:` (login is the root action) and its `with:` block. */
function stepYaml(action: string, inputs: Readonly<Record<string, string>>): string {
  const uses = `registry-actions/registry-actions${action === 'login' ? '' : `/actions/${action}`}@${VERSION}`;
  const shown = Object.fromEntries(
    Object.entries(inputs).map(([name, value]) => [name, SECRET_INPUTS.has(name) ? '***' : value]),
  );
  return stringify([{ uses, with: shown }], { lineWidth: 0 }).trimEnd();
}

function show(title: string, options: StepOptions, step: StepResult): void {
  console.log(`\n━━ ${title} (exit ${step.exitCode})`);
  if (options.entry === 'post') {
    console.log(
      `  post step of ${options.action}: the runner runs it at the end of the job with the same with:`,
    );
  } else {
    for (const line of stepYaml(options.action, options.inputs ?? {}).split('\n')) console.log(`  ${line}`);
  }
  const log = step.log
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('::debug::'))
    .slice(0, 40);
  for (const line of log) console.log(`  │ ${line}`);
  for (const [name, value] of Object.entries(step.outputs)) {
    console.log(`  output ${name} = ${value.length > 200 ? `${value.slice(0, 200)}…` : value}`);
  }
  if (step.summary.trim()) {
    console.log('  summary:');
    for (const line of step.summary.trim().split('\n').slice(0, 30)) console.log(`    ${line}`);
  }
}

async function main(): Promise<void> {
  buildIfNeeded();
  const seed = JSON.parse(readFileSync(join(root, 'examples/emulator-seed.json'), 'utf8')) as EmulatorSeed;
  const emulator = await startEmulator({ seed });
  const ipLookup = await startIpLookup();
  console.log(`EMULATOR_URL=${emulator.url}`);
  const jobDir = newJobDir();
  // The runner gives post steps the same inputs as main, so every step of an action gets the same set.
  const swr = swrEmulatorInputs(emulator.url);
  const ccr = { ...ccrEmulatorInputs(emulator.url), 'instance-id': DEFAULT_CCR_INSTANCE.id };
  const failures: string[] = [];
  let jobEnv: Record<string, string> = {};

  const step = async (title: string, options: StepOptions) => {
    const result = await runStep({ jobDir, ...options, env: { ...jobEnv, ...options.env } });
    jobEnv = { ...jobEnv, ...result.exportedEnv };
    show(title, options, result);
    if (result.exitCode !== 0) failures.push(title);
    return result;
  };

  try {
    const login = await step('login (SWR, AK/SK)', {
      action: 'login',
      inputs: swr,
    });
    await step('ensure-namespace', {
      action: 'ensure-namespace',
      inputs: {
        ...swr,
        namespace: 'demo-team',
        repositories: 'web visibility=private\ntools/builder visibility=public description="build images"',
      },
    });
    const prune = { ...swr, namespace: 'demo', repositories: 'app', 'keep-last': '3' };
    await step('prune-tags (dry run)', {
      action: 'prune-tags',
      inputs: { ...prune, keep: 'v*.*.*', 'dry-run': 'true' },
    });
    await step('prune-tags', { action: 'prune-tags', inputs: { ...prune, keep: 'v*.*.*' } });
    const whitelist = await step('sync-whitelist (lease the runner IP)', {
      action: 'sync-whitelist',
      inputs: { ...ccr, mode: 'add', 'runner-ip': 'true', 'ip-lookup-url': ipLookup.url },
    });
    await step('sync-whitelist post (end the lease)', {
      action: 'sync-whitelist',
      entry: 'post',
      state: whitelist.state,
      inputs: ccr,
    });
    await step('login post (logout)', { action: 'login', entry: 'post', state: login.state, inputs: swr });
    printState(emulator.state);
  } finally {
    ipLookup.close();
    await emulator.close();
  }
  if (failures.length > 0) {
    console.error(`\ndemo failed: ${failures.join(', ')}`);
    process.exit(1);
  }
  console.log('\ndemo passed: every step succeeded');
}

/** What the registry holds after the run, as a person would check it in the console. */
function printState(state: EmulatorState): void {
  console.log('\n━━ registry after the run');
  for (const namespace of state.swrNamespaces.values()) {
    for (const repository of namespace.repositories.values()) {
      const tags = [...repository.tags.keys()].sort();
      console.log(`  swr ${namespace.name}/${repository.name}: ${tags.length} tags ${tags.join(' ')}`);
    }
  }
  for (const instance of state.ccrInstances.values()) {
    const entries = instance.whitelist.map((entry) => `${entry.ipAddr} (${entry.description})`);
    console.log(`  ccr ${instance.id} allowlist: ${entries.join(', ') || 'empty'}`);
  }
}

await main();
