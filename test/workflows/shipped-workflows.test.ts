// Every workflow in examples/workflows/ and .github/workflows/ runs job by job (test/harness/workflow.ts),
// unmodified, against the emulator behind the test internet; each scenario states the outcome of every
// job, the stand-ins it uses, and the registry state afterwards.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { repoRoot } from '../harness/action-definition.ts';
import type { StepRecord } from '../harness/job.ts';
import { type JobRecord, parseWorkflowFile, runWorkflow, type WorkflowRun } from '../harness/workflow.ts';
import { missingRegistryTools } from '../support/local-registry.ts';
import { type Scenario, scenarios } from './scenarios.ts';
import { shippedStandIns } from './stand-ins.ts';
import { startWorkflowWorld, type WorkflowWorld } from './world.ts';

const missing = missingRegistryTools();

/** The parts of the emulator's admin state snapshot the ci.yml test reads. */
interface EmulatorSnapshot {
  swr?: { namespaces?: Array<{ name: string; repositories?: Array<{ name: string }> }> };
  ccr?: { instances?: Array<{ publicLinks?: { whitelist?: Array<{ ipAddr: string }> } }> };
}
let world: WorkflowWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

/** Job conclusions as `job` and `caller/called` for the jobs of a called workflow. */
function conclusions(jobs: Record<string, JobRecord>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [id, job] of Object.entries(jobs)) {
    result[id] = job.result;
    for (const [calledId, called] of Object.entries(job.called ?? {}))
      result[`${id}/${calledId}`] = called.result;
  }
  return result;
}

/** Every stand-in that ran, in any job, composite or called workflow. */
function standInsUsed(jobs: Record<string, JobRecord>): string[] {
  const used = new Set<string>();
  const visit = (steps: readonly StepRecord[]) => {
    for (const step of steps) {
      if (step.standIn) used.add(step.standIn);
      visit(step.steps ?? []);
    }
  };
  for (const job of Object.values(jobs)) {
    visit(job.steps);
    for (const called of Object.values(job.called ?? {})) visit(called.steps);
  }
  return [...used].sort();
}

/** The log of every failed step, to explain an unexpected outcome. */
function failures(run: WorkflowRun): string {
  const lines: string[] = [];
  const visit = (steps: readonly StepRecord[]) => {
    for (const step of steps) {
      if (step.outcome === 'failure' && !step.steps) lines.push(`✗ ${step.name || step.what}\n${step.log}`);
      if (step.post?.outcome === 'failure')
        lines.push(`✗ post of ${step.name || step.what}\n${step.post.log}`);
      visit(step.steps ?? []);
    }
  };
  for (const job of Object.values(run.jobs)) {
    visit(job.steps);
    for (const called of Object.values(job.called ?? {})) visit(called.steps);
  }
  return lines.join('\n');
}

async function runScenario(scenario: Scenario): Promise<WorkflowRun> {
  world = await startWorkflowWorld(scenario.seed);
  await scenario.before?.(world);
  const run = await runWorkflow({
    file: scenario.file,
    ...(scenario.caller !== undefined && { content: scenario.caller }),
    github: scenario.github,
    ...(scenario.inputs && { inputs: scenario.inputs }),
    secrets: scenario.secrets ?? {},
    vars: scenario.vars ?? {},
    standIns: shippedStandIns(world.emu),
    machineEnv: world.machineEnv,
    idToken: { url: world.idTokens.url, token: world.idTokens.requestToken },
  });
  expect(conclusions(run.jobs), failures(run)).toEqual(scenario.jobs);
  expect(standInsUsed(run.jobs)).toEqual([...scenario.standIns].sort());
  expect(world.internet.refused, 'hosts a workflow reached without a stand-in').toEqual([]);
  await scenario.after(world, run);
  return run;
}

describe.skipIf(missing !== undefined)(`shipped workflows${missing ? ` (skipped: ${missing})` : ''}`, () => {
  it.each(scenarios.map((scenario) => [scenario.name, scenario] as const))('%s', async (_name, scenario) => {
    await runScenario(scenario);
  });

  it('ci.yml on push: checks pass, and the self-test runs each action against the emulator it starts', async () => {
    world = await startWorkflowWorld();
    let emulatorState: EmulatorSnapshot = {};
    const run = await runWorkflow({
      file: '.github/workflows/ci.yml',
      github: { event_name: 'push' },
      standIns: shippedStandIns(world.emu),
      machineEnv: world.machineEnv,
      async afterJob(job, exported) {
        if (job !== 'self-test') return;
        emulatorState = (await (
          await fetch(`${exported.EMULATOR_URL}/__admin/state`)
        ).json()) as EmulatorSnapshot;
      },
    });
    expect(conclusions(run.jobs), failures(run)).toEqual({ checks: 'success', 'self-test': 'success' });
    expect(standInsUsed(run.jobs)).toEqual([
      'actions/checkout',
      'actions/setup-node',
      'run: bash .ci/run',
      'run: npm ci',
    ]);
    const selfTest = emulatorState.swr?.namespaces?.find((namespace) => namespace.name === 'self-test');
    expect(selfTest?.repositories?.map((repository) => repository.name)).toEqual(['app']);
    const leases = emulatorState.ccr?.instances?.[0]?.publicLinks?.whitelist?.map((entry) => entry.ipAddr);
    expect(leases).not.toContain('203.0.113.10');
    const steps = run.jobs['self-test']!.steps;
    expect(steps.find((step) => step.name === 'Lease an address on the CCR allowlist')?.post?.outcome).toBe(
      'success',
    );
    expect(
      steps.every((step) => step.warnings.every((warning) => !warning.startsWith('Unexpected input'))),
    ).toBe(true);
  });
});

describe('coverage of the shipped workflows', () => {
  const shipped = ['examples/workflows', '.github/workflows'].flatMap((dir) =>
    readdirSync(join(repoRoot, dir))
      .filter((name) => /\.ya?ml$/.test(name))
      .map((name) => `${dir}/${name}`),
  );

  it.each(shipped)(
    '%s passes GitHub’s workflow schema and has a scenario for each of its jobs',
    async (file) => {
      const { template } = await parseWorkflowFile(file);
      const covering = scenarios.filter((scenario) => scenario.covers === file);
      if (file === '.github/workflows/ci.yml') return;
      expect(covering.length, `no scenario runs ${file}`).toBeGreaterThan(0);
      const ran = new Set<string>();
      for (const scenario of covering) {
        for (const [job, outcome] of Object.entries(scenario.jobs)) {
          if (outcome === 'skipped') continue;
          ran.add(job.includes('/') ? job.split('/')[1]! : job);
        }
      }
      for (const job of template.jobs)
        expect(ran, `no scenario runs job ${job.id.value} of ${file}`).toContain(job.id.value);
    },
  );
});
