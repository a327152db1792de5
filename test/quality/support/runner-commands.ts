// Reads a step's stdout the way the Actions runner does (ActionCommand.TryParseV2, then the legacy
// TryParse): `::name props::data` at a line start after leading spaces, and `##[name props]data` anywhere.
import { expect } from 'vitest';
import type { StepResult } from '../../harness/runner.ts';

/** The commands the runner's command manager has registered (plus stop-commands). */
const REGISTERED = new Set([
  'set-env',
  'set-output',
  'save-state',
  'add-mask',
  'add-path',
  'add-matcher',
  'remove-matcher',
  'debug',
  'warning',
  'error',
  'notice',
  'group',
  'endgroup',
  'echo',
  'stop-commands',
]);

export interface RunnerCommand {
  name: string;
  data: string;
  line: string;
}

/** Every line of `stdout` the runner would process as a command. */
export function runnerCommands(stdout: string): RunnerCommand[] {
  const commands: RunnerCommand[] = [];
  for (const line of stdout.split(/\r?\n/)) {
    const command = parseV2(line) ?? parseV1(line);
    if (command) commands.push(command);
  }
  return commands;
}

function parseV2(line: string): RunnerCommand | undefined {
  const trimmed = line.trimStart();
  if (!trimmed.startsWith('::')) return undefined;
  const end = trimmed.indexOf('::', 2);
  if (end < 0) return undefined;
  const name = trimmed.slice(2, end).trim().split(' ')[0] ?? '';
  if (!REGISTERED.has(name.toLowerCase())) return undefined;
  return { name: name.toLowerCase(), data: unescapeData(trimmed.slice(end + 2)), line };
}

function parseV1(line: string): RunnerCommand | undefined {
  const at = line.indexOf('##[');
  if (at < 0) return undefined;
  const close = line.indexOf(']', at);
  if (close < 0) return undefined;
  const name = line.slice(at + 3, close).split(' ')[0] ?? '';
  if (!REGISTERED.has(name)) return undefined;
  return { name, data: line.slice(close + 1), line };
}

function unescapeData(value: string): string {
  return value.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

/** The marker every hostile string carries; no runner command may begin with it or be named by it. */
export const INJECTED = 'INJECTED';

/**
 * A string that tries every way into the runner: a line break then v2 commands (a fake annotation,
 * a mask that would hide log lines, stop-commands), a legacy `##[` command, CR, and an ANSI escape.
 */
export function hostileText(label: string): string {
  return (
    `${label}\n::warning::${INJECTED} ${label}\n::add-mask::${INJECTED}\n::stop-commands::${INJECTED}` +
    `\r::error::${INJECTED}\n ##[error]${INJECTED}\u001b[2K\u001b[31m${INJECTED}\u001b[0m`
  );
}

/** Asserts no command in the step's output came from injected text, and no raw ESC or CR reached the log. */
export function expectNoInjectedCommand(step: StepResult): void {
  for (const command of runnerCommands(step.stdout)) {
    expect(command.name, command.line).not.toBe('stop-commands');
    expect(command.data.startsWith(INJECTED), command.line).toBe(false);
    if (command.name === 'add-mask') expect(command.data, command.line).not.toContain(INJECTED);
  }
  expect(step.stdout).not.toContain('\u001b');
  expect(step.stderr).not.toContain('\u001b');
  expect(step.stdout.replace(/\r\n/g, '\n')).not.toContain('\r');
}
