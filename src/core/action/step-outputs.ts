// Step outputs and exported variables: written to the runner's files (GITHUB_OUTPUT, GITHUB_ENV) with
// heredoc delimiters, so no value can add another output or variable.
import * as core from '@actions/core';

/** Sets a step output. */
export function setStepOutput(name: string, value: string): void {
  core.setOutput(name, value);
}

/** Exports a variable to the later steps of the job. */
export function exportJobVariable(name: string, value: string): void {
  core.exportVariable(name, value);
}
