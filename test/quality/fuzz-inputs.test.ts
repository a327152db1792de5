// Fuzzed inputs (fast-check): every action either accepts its inputs or rejects them with an error that
// names an action.yml input and the rule, before any API call and without a stack trace. In process, the
// actions' read*Inputs functions take many runs; the dist entries (a child process each) take fewer.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readEnsureNamespaceInputs } from '../../src/actions/ensure-namespace/inputs.ts';
import { readLoginInputs } from '../../src/actions/login/inputs.ts';
import { readPruneInputs } from '../../src/actions/prune-tags/inputs.ts';
import { readSyncWhitelistInputs } from '../../src/actions/sync-whitelist/inputs.ts';
import { InputReader } from '../../src/core/action/input-reader.ts';
import { InputError } from '../../src/core/errors/errors.ts';
import { DEFAULT_CCR_INSTANCE, type Emulator, startEmulator } from '../emulator/index.ts';
import { runStep } from '../harness/runner.ts';
import { ccrEmulatorInputs, swrEmulatorInputs } from '../support/emulator-inputs.ts';
import { expectNoStackTrace } from './support/fault-job.ts';
import { actionInputNames, mutatedInputs } from './support/fuzz-values.ts';

/** Nothing listens there: a fuzzed run that reached for an address lookup would fail, not leave the host. */
const DEAD_LOOKUP = 'http://127.0.0.1:9/';

interface Subject {
  action: string;
  read: (reader: InputReader) => unknown;
  /** Valid inputs of a run against the emulator at `endpoint`. */
  base: (endpoint: string) => Record<string, string>;
  /** Inputs left alone in dist runs: they decide where requests go, or reach beyond the emulator. */
  fixed: string[];
}

const huawei = swrEmulatorInputs;
const CONNECTION = [
  'endpoint',
  'iam-endpoint',
  'access-key-id',
  'secret-access-key',
  'security-token',
  'iam-username',
  'iam-password',
  'iam-domain',
  'idp-id',
  'oidc-audience',
  'auth',
];

const subjects: Subject[] = [
  {
    action: 'login',
    read: readLoginInputs,
    base: huawei,
    fixed: CONNECTION,
  },
  {
    action: 'ensure-namespace',
    read: readEnsureNamespaceInputs,
    base: (endpoint) => ({ ...huawei(endpoint), namespace: 'team', 'dry-run': 'true' }),
    fixed: CONNECTION,
  },
  {
    action: 'prune-tags',
    read: readPruneInputs,
    base: (endpoint) => ({
      ...huawei(endpoint),
      namespace: 'team',
      repositories: 'web',
      'keep-last': '1',
      'dry-run': 'true',
    }),
    // Valid names of repositories or namespaces that do not exist fail at the API, as they should.
    fixed: [...CONNECTION, 'namespace', 'repositories'],
  },
  {
    action: 'sync-whitelist',
    read: (reader) => readSyncWhitelistInputs(reader, {}),
    base: (endpoint) => ({
      ...ccrEmulatorInputs(endpoint),
      'instance-id': DEFAULT_CCR_INSTANCE.id,
      entries: '203.0.113.0/24 # office',
      'ip-lookup-url': DEAD_LOOKUP,
      'dry-run': 'true',
    }),
    fixed: [...CONNECTION, 'instance-id', 'runner-ip', 'ip-lookup-url', 'ip-version', 'ip-lookup-timeout'],
  },
];

/** True when the message names one of the inputs (as a whole word, quoted or not) and says more than that. */
function namesAnInput(message: string, names: readonly string[]): boolean {
  const named = (name: string) => new RegExp(`(^|[^\\w-])${name}([^\\w-]|$)`).test(message);
  return names.some(named) && message.length > 30;
}

describe('fuzzed inputs, in process', () => {
  // maskSecret writes ::add-mask:: commands to stdout; keep the test output readable.
  beforeAll(() => {
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  });
  afterAll(() => {
    vi.restoreAllMocks();
  });

  for (const subject of subjects) {
    it(`${subject.action}: read*Inputs returns, or throws an InputError naming action.yml inputs and the rule`, () => {
      const names = actionInputNames(subject.action);
      expect(names.length).toBeGreaterThan(5);
      fc.assert(
        fc.property(mutatedInputs(subject.base('http://127.0.0.1:9'), names, 4), (inputs) => {
          try {
            subject.read(InputReader.fromRecord(inputs, {}));
          } catch (error) {
            expect(error).toBeInstanceOf(InputError);
            const inputError = error as InputError;
            expect(inputError.inputs.length).toBeGreaterThan(0);
            for (const name of inputError.inputs) expect(names).toContain(name);
            expect(namesAnInput(inputError.message, inputError.inputs), inputError.message).toBe(true);
            expect(inputError.message).not.toMatch(/\n\s+at /);
          }
        }),
        { numRuns: 600 },
      );
    });
  }
});

describe('fuzzed inputs, dist entries against the emulator', () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startEmulator({
      seed: {
        region: 'cn-north-4',
        swr: {
          namespaces: [
            { name: 'team', repositories: [{ name: 'web', tags: [{ tag: 'v1' }, { tag: 'v2' }] }] },
          ],
        },
        ccr: {
          instances: [{ id: DEFAULT_CCR_INSTANCE.id, publicLinks: { status: 'opened', whitelist: [] } }],
        },
      },
    });
  });
  afterAll(async () => {
    await emu.close();
  });

  for (const subject of subjects) {
    it(`${subject.action}: succeeds, or fails naming an input with no API call and no stack trace`, {
      timeout: 120_000,
    }, async () => {
      const names = actionInputNames(subject.action).filter((name) => !subject.fixed.includes(name));
      await fc.assert(
        fc.asyncProperty(mutatedInputs(subject.base(emu.url), names, 2), async (inputs) => {
          emu.requests.splice(0);
          const step = await runStep({ action: subject.action, inputs, timeoutMs: 20_000 });
          expectNoStackTrace(step);
          if (step.exitCode === 0) return;
          expect(step.exitCode, step.log).toBe(1);
          expect(step.errors, step.log).toHaveLength(1);
          expect(namesAnInput(step.errors[0]!, actionInputNames(subject.action)), step.errors[0]).toBe(true);
          expect(emu.requests, `API calls before rejecting: ${step.errors[0]}`).toEqual([]);
        }),
        { numRuns: 25 },
      );
    });
  }
});
