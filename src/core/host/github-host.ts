// The GitHub Actions runner as a step's host: INPUT_* variables, GITHUB_OUTPUT, GITHUB_ENV,
// GITHUB_STATE / STATE_*, GITHUB_STEP_SUMMARY, `::add-mask::` and workflow commands (runner-commands.ts).
import { EOL } from 'node:os';
import { appendStepSummary, issueCommand, issueKeyValue } from './runner-commands.ts';
import type { StepHost } from './step-host.ts';
import { streamDrained } from './stream-drained.ts';

/**
 * The names of the inputs a step was given, from its `INPUT_*` variables. The runner passes each as
 * `INPUT_<NAME>`, so a name read back from the environment is lower-cased with its `_` kept.
 */
export function inputsInEnvironment(env: NodeJS.ProcessEnv): string[] {
  return Object.keys(env)
    .filter((variable) => variable.startsWith('INPUT_') && variable.length > 'INPUT_'.length)
    .map((variable) => variable.slice('INPUT_'.length).toLowerCase());
}

export const githubHost: StepHost = {
  // As the runner names them: spaces become `_`, upper case; the value trimmed.
  input: (name) => (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '').trim(),
  givenInputs: () => inputsInEnvironment(process.env),
  setOutput: (name, value) => issueKeyValue('OUTPUT', name, value),
  exportVariable(name, value) {
    process.env[name] = value;
    issueKeyValue('ENV', name, value);
  },
  saveState: (key, value) => issueKeyValue('STATE', key, value),
  getState: (key) => process.env[`STATE_${key}`] || '',
  async appendSummary(markdown) {
    const file = process.env.GITHUB_STEP_SUMMARY;
    if (file) await appendStepSummary(file, markdown);
  },
  hideSecret: (value) => issueCommand('add-mask', value),
  log: {
    info: (text) => process.stdout.write(`${text}${EOL}`),
    warning: (text) => issueCommand('warning', text),
    notice: (text) => issueCommand('notice', text),
    debug: (text) => issueCommand('debug', text),
    // The runner sets RUNNER_DEBUG=1 only with step debug logging on; otherwise it drops `::debug::` lines.
    debugShown: () => process.env.RUNNER_DEBUG === '1',
    startGroup: (title) => issueCommand('group', title),
    endGroup: () => issueCommand('endgroup'),
    failure(message) {
      process.exitCode = 1;
      issueCommand('error', message);
    },
    drained: () => streamDrained(process.stdout),
  },
  job: {
    tempDir: (env) => env.RUNNER_TEMP?.trim() || undefined,
    tempEmptiedAtJobEnd: true,
    runId: (env) => `${env.GITHUB_RUN_ID || 'local'}-${env.GITHUB_RUN_ATTEMPT || '1'}`,
    runnerName: 'GitHub Actions runner',
  },
};
