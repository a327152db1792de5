// Requests per run: ensure-namespace (first run and re-run) and login (AK/SK, IAM password, CCR
// enterprise), counted in the emulator's request log, each against the fewest calls the job needs.
// Exported for bench/run.ts; `node bench/requests.ts` runs it alone.
import {
  DEFAULT_CCR_INSTANCE,
  DEFAULT_CREDENTIALS,
  type Emulator,
  startEmulator,
} from '../test/emulator/index.ts';
import { runStep } from '../test/harness/runner.ts';
import {
  ccrEmulatorInputs,
  swrEmulatorInputs,
  swrPasswordEmulatorInputs,
} from '../test/support/emulator-inputs.ts';
import { type BenchFigure, formatFigure } from './figures.ts';

type Inputs = (emu: Emulator) => Record<string, string>;

interface Scenario {
  name: string;
  action: 'ensure-namespace' | 'login';
  inputs: Inputs;
  /** Runs in a row on one emulator; each run is one figure (e.g. first run, re-run). */
  runs: Array<{ label: string; minimum: number; why: string }>;
}

const swrAksk: Inputs = (emu) => swrEmulatorInputs(emu.url);

const swrPassword: Inputs = (emu) => swrPasswordEmulatorInputs(emu.url);

const ccrEnterprise: Inputs = (emu) => ({
  ...ccrEmulatorInputs(emu.url),
  'instance-id': DEFAULT_CCR_INSTANCE.id,
});

const declared = { repositories: 'web\napi', permissions: 'bob read id=u-bob' };

const scenarios: Scenario[] = [
  {
    name: 'ensure-namespace swr bare',
    action: 'ensure-namespace',
    inputs: (emu) => ({ ...swrAksk(emu), namespace: 'team-a' }),
    runs: [
      { label: 'first run', minimum: 2, why: 'look up, create' },
      { label: 're-run', minimum: 1, why: 'look up' },
    ],
  },
  {
    name: 'ensure-namespace swr 2 repos 1 grant',
    action: 'ensure-namespace',
    inputs: (emu) => ({ ...swrAksk(emu), namespace: 'team-b', ...declared }),
    runs: [
      // A namespace this run created holds nothing yet, so nothing needs listing.
      { label: 'first run', minimum: 5, why: 'look up, create, 2 repositories, 1 grant' },
      { label: 're-run', minimum: 3, why: 'look up, list repositories, list permissions' },
    ],
  },
  {
    name: 'ensure-namespace ccr enterprise',
    action: 'ensure-namespace',
    inputs: (emu) => ({ ...ccrEnterprise(emu), namespace: 'team-c' }),
    runs: [
      // registry-path needs the instance's public domain.
      { label: 'first run', minimum: 3, why: 'look up, create, instance domain' },
      { label: 're-run', minimum: 2, why: 'look up, instance domain' },
    ],
  },
  {
    name: 'login swr AK/SK',
    action: 'login',
    inputs: swrAksk,
    runs: [{ label: 'run', minimum: 1, why: 'login secret' }],
  },
  {
    name: 'login swr IAM password',
    action: 'login',
    inputs: swrPassword,
    runs: [{ label: 'run', minimum: 2, why: 'IAM token, login secret' }],
  },
  {
    name: 'login ccr enterprise',
    action: 'login',
    inputs: (emu) => ({ ...ccrEnterprise(emu), 'user-id': DEFAULT_CREDENTIALS.baidu.userId }),
    runs: [{ label: 'run', minimum: 3, why: 'instance domain, user profile, temporary password' }],
  },
];

/** Runs one scenario on a fresh emulator; one figure per run, counted from the request log. */
async function measure(scenario: Scenario): Promise<BenchFigure[]> {
  const emu = await startEmulator({ seed: { region: 'cn-north-4' } });
  try {
    const figures: BenchFigure[] = [];
    for (const run of scenario.runs) {
      emu.requests.splice(0);
      const step = await runStep({ action: scenario.action, inputs: scenario.inputs(emu) });
      if (step.exitCode !== 0) throw new Error(`${scenario.name} ${run.label} failed:\n${step.log}`);
      figures.push({
        name: `requests ${scenario.name}, ${run.label}`,
        value: emu.requests.length,
        unit: 'requests',
        target: `${run.minimum}, the minimum: ${run.why}`,
      });
    }
    return figures;
  } finally {
    await emu.close();
  }
}

/** Requests made per run of ensure-namespace and login, each with its minimum as target. */
export async function benchRequests(): Promise<BenchFigure[]> {
  const figures: BenchFigure[] = [];
  for (const scenario of scenarios) figures.push(...(await measure(scenario)));
  return figures;
}

if (import.meta.filename === process.argv[1]) {
  for (const figure of await benchRequests()) console.log(formatFigure(figure));
}
