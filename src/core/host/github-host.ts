// The GitHub Actions runner as a step's host, through @actions/core: INPUT_* variables, GITHUB_OUTPUT,
// GITHUB_ENV, GITHUB_STATE / STATE_*, GITHUB_STEP_SUMMARY, `::add-mask::` and workflow commands.
import * as core from '@actions/core';
import type { StepHost } from './step-host.ts';

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
  input: (name) => core.getInput(name),
  givenInputs: () => inputsInEnvironment(process.env),
  setOutput: (name, value) => core.setOutput(name, value),
  exportVariable: (name, value) => core.exportVariable(name, value),
  saveState: (key, value) => core.saveState(key, value),
  getState: (key) => core.getState(key),
  async appendSummary(markdown) {
    if (!process.env.GITHUB_STEP_SUMMARY) return;
    await core.summary.addRaw(markdown, true).write();
  },
  hideSecret: (value) => core.setSecret(value),
  log: {
    info: (text) => core.info(text),
    warning: (text) => core.warning(text),
    notice: (text) => core.notice(text),
    debug: (text) => core.debug(text),
    startGroup: (title) => core.startGroup(title),
    endGroup: () => core.endGroup(),
    failure: (message) => core.setFailed(message),
  },
  job: {
    tempDir: (env) => env.RUNNER_TEMP?.trim() || undefined,
    tempEmptiedAtJobEnd: true,
    runId: (env) => `${env.GITHUB_RUN_ID || 'local'}-${env.GITHUB_RUN_ATTEMPT || '1'}`,
    runnerName: 'GitHub Actions runner',
  },
};
