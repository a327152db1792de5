// A misspelt input, as the runner passes it (an INPUT_* variable plus its "Unexpected input(s)" warning):
// destructive runs stop before any API call naming the closest declared input; other runs warn and go on.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CCR_INSTANCE, type EmulatorSeed, startEmulator } from '../emulator/index.ts';
import { runJob, runStep } from '../harness/runner.ts';
import { closedAfterEach } from '../support/closed-after-each.ts';
import { ccrEmulatorInputs, swrEmulatorInputs } from '../support/emulator-inputs.ts';

const instanceId = DEFAULT_CCR_INSTANCE.id;
const seed: EmulatorSeed = {
  region: 'cn-north-4',
  swr: {
    namespaces: [
      { name: 'team', repositories: [{ name: 'app', tags: [{ tag: 'old' }, { tag: 'new' }] }] },
      { name: 'empty-team' },
    ],
  },
  ccr: {
    instances: [
      {
        id: instanceId,
        publicLinks: { status: 'opened', whitelist: [{ ipAddr: '203.0.113.9', description: 'office' }] },
      },
    ],
  },
};
const start = closedAfterEach(() => startEmulator({ seed }));

describe('inputs the action does not declare', () => {
  it('prune-tags refuses dry_run before any API call, naming dry-run, and deletes nothing', async () => {
    const emu = await start();
    const step = await runStep({
      action: 'prune-tags',
      inputs: {
        ...swrEmulatorInputs(emu.url),
        namespace: 'team',
        repositories: 'app',
        'keep-last': '1',
        dry_run: 'true',
      },
    });
    expect(step.exitCode).toBe(1);
    expect(step.runnerWarnings[0]).toMatch(/^Unexpected input\(s\) 'dry_run', valid inputs are \[/);
    expect(step.errors.join('\n')).toContain(
      "'dry_run' is not an input of prune-tags; did you mean 'dry-run'?",
    );
    expect(emu.requests).toEqual([]);
    expect([...emu.state.swrNamespaces.get('team')!.repositories.get('app')!.tags.keys()].sort()).toEqual([
      'new',
      'old',
    ]);
  });

  it('ensure-namespace with state: absent refuses a misspelt input before any API call', async () => {
    const emu = await start();
    const step = await runStep({
      action: 'ensure-namespace',
      inputs: { ...swrEmulatorInputs(emu.url), namespace: 'empty-team', state: 'absent', 'dry-runn': 'true' },
    });
    expect(step.exitCode).toBe(1);
    expect(step.errors.join('\n')).toContain(
      "'dry-runn' is not an input of ensure-namespace; did you mean 'dry-run'?",
    );
    expect(emu.requests).toEqual([]);
    expect(emu.state.swrNamespaces.has('empty-team')).toBe(true);
  });

  it('ensure-namespace creating a namespace warns about a misspelt input and goes on', async () => {
    const emu = await start();
    const step = await runStep({
      action: 'ensure-namespace',
      inputs: { ...swrEmulatorInputs(emu.url), namespace: 'fresh-team', repository: 'web' },
    });
    expect(step.exitCode, step.log).toBe(0);
    expect(step.warnings.join('\n')).toContain(
      "'repository' is not an input of ensure-namespace; did you mean 'repositories'? It is ignored.",
    );
    expect(emu.state.swrNamespaces.has('fresh-team')).toBe(true);
  });

  it('sync-whitelist mode remove refuses a misspelt input; mode add only warns', async () => {
    const emu = await start();
    const ccr = { ...ccrEmulatorInputs(emu.url), 'instance-id': instanceId };
    const remove = await runStep({
      action: 'sync-whitelist',
      inputs: { ...ccr, mode: 'remove', entries: '203.0.113.9', dryrun: 'true' },
    });
    expect(remove.exitCode).toBe(1);
    expect(remove.errors.join('\n')).toContain(
      "'dryrun' is not an input of sync-whitelist; did you mean 'dry-run'?",
    );
    expect(emu.requests).toEqual([]);

    const add = await runJob({
      action: 'sync-whitelist',
      inputs: { ...ccr, entries: '198.51.100.0/24 # lab', leaseduration: '1h' },
    });
    expect(add.main.exitCode, add.main.log).toBe(0);
    expect(add.main.warnings.join('\n')).toContain(
      "'leaseduration' is not an input of sync-whitelist; did you mean 'lease-duration'?",
    );
  });

  it('login warns about a misspelt input and logs in', async () => {
    const emu = await start();
    const job = await runJob({
      action: 'login',
      inputs: { ...swrEmulatorInputs(emu.url), log_out: 'false' },
    });
    expect(job.main.exitCode, job.main.log).toBe(0);
    expect(job.main.warnings.join('\n')).toContain(
      "'log_out' is not an input of login; did you mean 'logout'?",
    );
  });
});
