// Step outputs and exported variables. On the runner they go to its files (GITHUB_OUTPUT, GITHUB_ENV) with
// heredoc delimiters, so no value can add another output or variable; the CLI prints them, quoted.
import { stepHost } from '../host/step-host.ts';

/** Sets a step output. */
export function setStepOutput(name: string, value: string): void {
  stepHost().setOutput(name, value);
}

/** Exports a variable to the later steps of the job. */
export function exportJobVariable(name: string, value: string): void {
  stepHost().exportVariable(name, value);
}
