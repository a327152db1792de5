// Hostile server text on the CLI path: tag names and allowlist descriptions carrying line breaks, workflow
// commands, CR and ANSI escapes (and, in outputs, shell syntax) reach the terminal only escaped, and the
// sourceable output lines give them back as data when a shell evaluates them.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startEmulator } from '../emulator/index.ts';
import { type CliRun, cliCommand, runCli } from '../harness/cli.ts';
import { newJobDir } from '../harness/runner.ts';
import { swrListingWith, swrTagRecord } from '../quality/support/hostile-answers.ts';
import { startHostileProxy } from '../quality/support/hostile-proxy.ts';
import { hostileText, INJECTED } from '../quality/support/runner-commands.ts';
import { closedAfterEach } from '../support/closed-after-each.ts';
import { ccrEmulatorInputs, swrEmulatorInputs } from '../support/emulator-inputs.ts';
import { fixturesClosedAfterEach, instanceId } from './sync-whitelist-support.ts';

const emulatorForTest = closedAfterEach(startEmulator);
const proxyForTest = closedAfterEach(startHostileProxy);
const startSyncFixture = fixturesClosedAfterEach();

/** Nothing but printable text, tabs and line feeds on the terminal, and no line a runner would obey. */
function expectPlainTerminal(run: CliRun): void {
  expect(run.log).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  for (const line of run.log.split('\n')) {
    expect(line, line).not.toMatch(/^\s*::|##\[/);
    expect(line.startsWith(INJECTED), line).toBe(false);
  }
}

describe('hostile server text through the CLI', () => {
  it('prune-tags: workflow commands, CR and ANSI escapes in a listed tag name stay escaped text', async () => {
    const e = await emulatorForTest({
      seed: {
        region: 'cn-north-4',
        swr: {
          namespaces: [
            {
              name: 'team',
              repositories: [
                {
                  name: 'web',
                  tags: [
                    {
                      tag: 'ci-0',
                      digest: 'sha256:c0',
                      created: '2020-01-01T00:00:00Z',
                      updated: '2020-01-01T00:00:00Z',
                    },
                  ],
                },
              ],
            },
          ],
        },
      },
    });
    const proxy = await proxyForTest(e.url, [
      swrListingWith(/^\/v2\/manage\/namespaces\/team\/repos\/web\/tags$/, [
        swrTagRecord(hostileText('tag')),
      ]),
    ]);
    const { args, env } = cliCommand({
      ...swrEmulatorInputs(proxy.url),
      namespace: 'team',
      repositories: 'web',
      'older-than': '30d',
    });
    const run = await runCli(['prune-tags', ...args], { env });
    expect(run.exitCode, run.log).toBe(0);
    expect(run.outputs.DELETED).toBe('["web:ci-0"]');
    expect(run.warnings.join('\n')).toContain('tag\\n::warning::INJECTED tag');
    expectPlainTerminal(run);
  });

  it('sync-whitelist: an allowlist description with shell syntax comes back from the sourced output as data', async () => {
    const description = `${hostileText('entry')} $(touch pwned) \`touch pwned\` '; touch pwned; '`;
    const f = await startSyncFixture({ whitelist: [{ ipAddr: '203.0.113.0/24', description }] });
    const jobDir = newJobDir();
    const { args, env } = cliCommand({ ...ccrEmulatorInputs(f.emu.url), 'instance-id': instanceId });
    const run = await runCli(['sync-whitelist', ...args, '--entries', '203.0.113.0/24'], {
      env,
      jobDir,
      cwd: jobDir,
    });
    expect(run.exitCode, run.log).toBe(0);
    // parseResults evaluated the lines with sh: the value is the server's text, and nothing ran.
    expect(JSON.parse(run.outputs.ENTRIES!)).toEqual([{ ipAddr: '203.0.113.0/24', description }]);
    expect(existsSync(join(jobDir, 'pwned'))).toBe(false);
    expect(existsSync('pwned')).toBe(false);
    expectPlainTerminal(run);
    const json = await runCli(
      ['sync-whitelist', ...args, '--entries', '203.0.113.0/24', '--format', 'json'],
      {
        env,
      },
    );
    expect(JSON.parse(json.outputs.entries!)).toEqual([{ ipAddr: '203.0.113.0/24', description }]);
    expectPlainTerminal(json);
  });
});
