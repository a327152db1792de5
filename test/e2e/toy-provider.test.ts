// A third registry family plugged in through the provider seam alone (test/support/toy-provider): all
// four actions (login, ensure-namespace, prune-tags, sync-whitelist) run with it as the runner runs them
// (each action's own action.yml, every input as INPUT_*, main and post, file commands), their plan and run
// files untouched. The steps run each action's source with the toy provider in its table: the shipped
// bundles hold only SWR and CCR.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { newJobDir, runStep, type StepResult } from '../harness/runner.ts';
import { findLeaks } from '../support/leaks.ts';
import { TOY_REGISTRY_HOST } from '../support/toy-provider/provider.ts';
import { type ToyAction, toyAction } from '../support/toy-provider/toy-actions.ts';
import {
  startToyRegistry,
  TOY_KEY,
  TOY_LOGIN_PASSWORD,
  TOY_SECRET,
  type ToyRegistry,
  type ToyTag,
} from '../support/toy-provider/toy-registry.ts';
import { authOf, readDockerConfig } from './login-support.ts';

const DAY = 86_400_000;
let toy: ToyRegistry | undefined;

afterEach(async () => {
  await toy?.close();
  toy = undefined;
});

async function start(
  seed: Record<string, ToyTag[]> = {},
  allowlist?: Parameters<typeof startToyRegistry>[1],
): Promise<ToyRegistry> {
  toy = await startToyRegistry(seed, allowlist);
  return toy;
}

const keys = (registry: ToyRegistry) => ({
  endpoint: registry.url,
  'access-key-id': TOY_KEY,
  'secret-access-key': TOY_SECRET,
});

function tag(name: string, daysOld: number, digest = `sha256:${name}`): ToyTag {
  return { name, digest, pushedAt: new Date(Date.now() - daysOld * DAY).toISOString(), size: 100 };
}

/** Runs `name`'s main step in a new job; `post()` then runs its post step with main's state and environment. */
async function mainStep(name: ToyAction, inputs: Record<string, string>) {
  const action = toyAction(name);
  const jobDir = newJobDir();
  const main = await runStep({ action, inputs, jobDir });
  const post = () =>
    runStep({ action, entry: 'post', inputs, jobDir, state: main.state, env: main.exportedEnv });
  return { main, post };
}

const noLeaks = (step: StepResult) =>
  expect(findLeaks(step, [TOY_SECRET, TOY_LOGIN_PASSWORD], 'toy-robot')).toEqual([]);

describe('login with a provider from outside the shipped table', () => {
  it('logs in to the host it recognizes, writes the Docker config, and post removes the login', async () => {
    const registry = await start();
    const job = await mainStep('login', { registry: TOY_REGISTRY_HOST, ...keys(registry) });
    const { main } = job;
    expect(main.exitCode, main.log).toBe(0);
    expect(registry.calls).toEqual(['POST /logins']);
    expect(main.outputs).toMatchObject({ registry: TOY_REGISTRY_HOST, username: 'toy-robot' });
    const configDir = main.outputs['docker-config'] ?? '';
    expect(readDockerConfig(configDir).auths?.[TOY_REGISTRY_HOST]).toEqual({
      auth: authOf('toy-robot', TOY_LOGIN_PASSWORD),
    });
    expect(main.masks).toEqual(expect.arrayContaining([TOY_SECRET, TOY_LOGIN_PASSWORD]));
    noLeaks(main);

    const post = await job.post();
    expect(post.exitCode, post.log).toBe(0);
    const left = existsSync(join(configDir, 'config.json')) ? readDockerConfig(configDir).auths : undefined;
    expect(left?.[TOY_REGISTRY_HOST]).toBeUndefined();
  });

  it('refuses the toy provider without its endpoint before any call, naming the input', async () => {
    const registry = await start();
    const { endpoint: _, ...withoutEndpoint } = keys(registry);
    const main = await runStep({
      action: toyAction('login'),
      inputs: { provider: 'toy', ...withoutEndpoint },
    });
    expect(main.exitCode).toBe(1);
    expect(main.errors).toEqual(["Input 'endpoint' is required for the toy registry (its API URL)."]);
    expect(registry.calls).toEqual([]);
  });
});

describe('prune-tags with a provider from outside the shipped table', () => {
  const seed = () => ({
    'team/web': [
      tag('v1.0.0', 90),
      tag('ci-old', 60, 'sha256:v1.0.0'),
      tag('ci-1', 45),
      tag('ci-2', 40),
      tag('ci-3', 1),
    ],
    'team/api': [tag('ci-9', 50), tag('ci-10', 2)],
  });
  const rules = { namespace: 'team', repositories: '*', 'older-than': '30d', keep: 'v*' };

  it('lists every repository, deletes the old tags and protects the image of a kept one', async () => {
    const registry = await start(seed());
    const step = await runStep({
      action: toyAction('prune-tags'),
      inputs: { provider: 'toy', ...keys(registry), ...rules },
    });
    expect(step.exitCode, step.log).toBe(0);
    const left = (repository: string) => registry.repositories.get(`team/${repository}`)?.map((t) => t.name);
    expect(left('web')).toEqual(['v1.0.0', 'ci-old', 'ci-3']);
    expect(left('api')).toEqual(['ci-10']);
    expect(step.outputs).toMatchObject({ 'deleted-count': '3', 'protected-count': '1' });
    expect(step.log).toMatch(/ci-old.*shares digest sha256:v1\.0\.0 with kept tag v1\.0\.0/);
    noLeaks(step);
  });

  it('on a dry run plans the same deletions and sends none', async () => {
    const registry = await start(seed());
    const step = await runStep({
      action: toyAction('prune-tags'),
      inputs: { provider: 'toy', ...keys(registry), ...rules, 'dry-run': 'true' },
    });
    expect(step.exitCode, step.log).toBe(0);
    expect(step.outputs).toMatchObject({ 'planned-count': '3', 'deleted-count': '0' });
    expect(registry.calls.filter((call) => !call.startsWith('GET '))).toEqual([]);
  });

  it('refuses retention-policy mode, which the toy registry does not offer, before any call', async () => {
    const registry = await start(seed());
    const step = await runStep({
      action: toyAction('prune-tags'),
      inputs: { provider: 'toy', ...keys(registry), ...rules, mode: 'retention-policy' },
    });
    expect(step.exitCode).toBe(1);
    expect(step.errors).toEqual([
      "Input 'mode' is retention-policy, an SWR feature; set 'provider' to swr or use mode: delete.",
    ]);
    expect(registry.calls).toEqual([]);
  });
});

describe('sync-whitelist with a provider from outside the shipped table', () => {
  it("leases the runner's address for the job and the post step releases it, leaving hand-made entries", async () => {
    const handMade = { ipAddr: '203.0.113.0/24', description: 'office' };
    const registry = await start({}, { status: 'opened', whitelist: [handMade] });
    const job = await mainStep('sync-whitelist', {
      provider: 'toy',
      ...keys(registry),
      'runner-ip': '198.51.100.7',
    });
    const { main } = job;
    expect(main.exitCode, main.log).toBe(0);
    expect(main.outputs['runner-ip']).toBe('198.51.100.7');
    const addresses = () => registry.allowlist.whitelist.map((entry) => entry.ipAddr);
    expect(addresses()).toContain(handMade.ipAddr);
    expect(addresses().filter((address) => address.startsWith('198.51.100.7'))).toHaveLength(1);
    noLeaks(main);

    const post = await job.post();
    expect(post.exitCode, post.log).toBe(0);
    expect(registry.allowlist.whitelist).toEqual([handMade]);
    expect(registry.calls.filter((call) => call.startsWith('DELETE'))).toEqual(['DELETE /allowlist']);
  });
});

describe('ensure-namespace with a provider from outside the shipped table', () => {
  it('creates the namespace once, says where images go, and changes nothing on a second run', async () => {
    const registry = await start();
    const inputs = { provider: 'toy', ...keys(registry), namespace: 'fresh' };
    const first = await runStep({ action: toyAction('ensure-namespace'), inputs });
    expect(first.exitCode, first.log).toBe(0);
    expect(registry.namespaces.has('fresh')).toBe(true);
    expect(first.outputs).toMatchObject({ created: 'true', namespace: 'fresh' });
    expect(first.outputs['registry-path']).toBe(`${TOY_REGISTRY_HOST}/fresh`);
    noLeaks(first);

    const again = await runStep({ action: toyAction('ensure-namespace'), inputs });
    expect(again.exitCode, again.log).toBe(0);
    expect(again.outputs).toMatchObject({ created: 'false', changes: '[]' });
    expect(registry.calls.filter((call) => call.startsWith('POST'))).toEqual(['POST /namespaces/fresh']);
  });

  it('refuses an input only another provider reads, before any call', async () => {
    const registry = await start();
    const step = await runStep({
      action: toyAction('ensure-namespace'),
      inputs: { provider: 'toy', ...keys(registry), namespace: 'fresh', permissions: 'dev read' },
    });
    expect(step.exitCode).toBe(1);
    expect(step.errors).toEqual(["Input 'permissions' applies to provider swr only; remove it for toy."]);
    expect(registry.calls).toEqual([]);
  });
});
