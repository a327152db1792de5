// One CLI run: parse the command line, resolve the inputs, run the action's main or post step through the
// same runStep the bundles use, with the CLI as the step's host, then print the outputs. Returns the exit
// code: 0 done, 1 failed, 2 input error (nothing was called).
import { existsSync, readFileSync } from 'node:fs';
import { runStep } from '../core/action/run-action.ts';
import { useStepHost } from '../core/host/step-host.ts';
import { logFailure, logInfo, logWarning } from '../core/output/log.ts';
import { shown } from '../core/output/shown.ts';
import { visibleLines } from '../core/output/visible.ts';
import { PROJECT_NAME, PROJECT_VERSION } from '../core/version.ts';
import { CLI_ACTIONS, type CliAction, cliAction } from './actions.ts';
import { type CliOptions, parseArguments } from './arguments.ts';
import { CliHost } from './cli-host.ts';
import { actionHelp, generalHelp } from './help.ts';
import { jobDirectoryPath } from './job-directory.ts';
import { jobIdentity } from './job-identity.ts';
import { type TerminalLogSink, terminalLogSink } from './log-sink.ts';
import { formatResults } from './output-format.ts';
import { countRequests } from './requests-sent.ts';
import { type ResolvedInputs, resolveInputs } from './resolve-inputs.ts';
import { defaultStateFile, readStateFile, removeStateFile } from './state-file.ts';
import type { Terminal } from './terminal.ts';
import { UsageError } from './usage-error.ts';

export interface CliContext {
  terminal: Terminal;
  env: NodeJS.ProcessEnv;
  /** Reads a --<input>-file (`-`: stdin). */
  readText?: (path: string) => string;
}

const EXIT = { done: 0, failed: 1, inputError: 2 } as const;

const readFromDisk = (path: string) => readFileSync(path === '-' ? 0 : path, 'utf8');

/** Runs the CLI with `argv` (without node and the script); resolves to the exit code. */
export async function runCli(argv: readonly string[], context: CliContext): Promise<number> {
  const { terminal, env } = context;
  const log = terminalLogSink(terminal, { debug: argv.includes('--debug') });
  const job = jobIdentity(env);
  const hostBase = {
    log,
    job,
    jobDirectory: jobDirectoryPath(),
    summaryFile: undefined,
    stateFile: undefined,
  };
  useStepHost(new CliHost({ ...hostBase, inputs: new Map(), given: [] }));
  try {
    const command = parseArguments(argv, (name) => cliAction(name).metadata, Object.keys(CLI_ACTIONS));
    if (command.kind === 'help') {
      const metadata = Object.values(CLI_ACTIONS).map((action) => action.metadata);
      const withPost = new Set(Object.keys(CLI_ACTIONS).filter((name) => cliAction(name).post));
      terminal.out(visibleLines(generalHelp(metadata, withPost)));
      return EXIT.done;
    }
    if (command.kind === 'version') {
      terminal.out(`${PROJECT_NAME} ${PROJECT_VERSION}\n`);
      return EXIT.done;
    }
    const action = cliAction(command.action);
    if (command.options.help) {
      terminal.out(visibleLines(actionHelp(action.metadata, action.post !== undefined)));
      return EXIT.done;
    }
    const inputs = resolveInputs(action.metadata, command.inputs, env, context.readText ?? readFromDisk);
    const stateFile = chooseStateFile(
      command.action,
      action,
      command.options,
      job.key,
      hostBase.jobDirectory,
    );
    const host = new CliHost({
      ...hostBase,
      inputs: inputs.values,
      given: inputs.given,
      stateFile,
      summaryFile: command.options.summaryFile,
    });
    useStepHost(host);
    warnPlainSecrets(inputs);
    return await runEntry(command.action, action, command.options, host, stateFile, { terminal, log });
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    logFailure(error.message);
    logInfo(shown`Run registry-actions --help, or registry-actions <action> --help, for what it takes.`);
    return EXIT.inputError;
  }
}

async function runEntry(
  name: string,
  action: CliAction,
  options: CliOptions,
  host: CliHost,
  stateFile: string | undefined,
  { terminal, log }: { terminal: Terminal; log: TerminalLogSink },
): Promise<number> {
  const entry = options.post ? action.post : action.main;
  if (!entry) throw new UsageError(`${name} has no post step, so it takes neither --post nor --state-file.`);
  const requests = countRequests();
  const warningsBefore = log.warnings();
  const outcome = await runStep(entry);
  const warned = log.warnings() > warningsBefore;
  requests.stop();
  const { outputs, exported } = host.results;
  if (outputs.size > 0 || exported.size > 0) terminal.out(formatResults(host.results, options.format));
  if (stateFile !== undefined) reportStateFile(name, options, stateFile, outcome === 'done' && !warned);
  if (outcome === 'done') return EXIT.done;
  return outcome === 'input-error' && requests.count() === 0 ? EXIT.inputError : EXIT.failed;
}

/**
 * After post: the state file goes once everything in it was undone; one whose undo failed or was left
 * behind (a warning) stays for another --post. After main: how to run the post step.
 */
function reportStateFile(name: string, options: CliOptions, stateFile: string, allUndone: boolean): void {
  if (!options.post) {
    if (existsSync(stateFile)) {
      logInfo(
        shown`To undo it (after_script, post { always }): registry-actions ${name} --post --state-file ${stateFile}`,
      );
    }
  } else if (allUndone) {
    removeStateFile(stateFile);
  } else if (existsSync(stateFile)) {
    logInfo(
      shown`${stateFile} is kept: run registry-actions ${name} --post --state-file ${stateFile} again to retry.`,
    );
  }
}

/**
 * The state file of an action with a post step. Main refuses one that still holds an earlier main's record
 * (its post has not run): writing over it would lose what that post must undo.
 */
function chooseStateFile(
  name: string,
  action: CliAction,
  options: CliOptions,
  jobKey: string,
  jobDirectory: string,
): string | undefined {
  if (!action.post) {
    if (options.post || options.stateFile) {
      throw new UsageError(`${name} has no post step, so it takes neither --post nor --state-file.`);
    }
    return undefined;
  }
  const file = options.stateFile ?? defaultStateFile(jobDirectory, name, jobKey);
  if (!options.post && readStateFile(file).size > 0) {
    throw new UsageError(
      `${file} still holds what an earlier ${name} recorded for its post step, which has not run: run ` +
        `registry-actions ${name} --post --state-file ${file} first, or give this run its own --state-file.`,
    );
  }
  return file;
}

function warnPlainSecrets(inputs: ResolvedInputs): void {
  for (const input of inputs.plainSecrets) {
    logWarning(
      shown`--${input} puts a secret into the shell history and the process list; give it with --${input}-file FILE (- for stdin) or the environment variable ${`REGISTRY_ACTIONS_${input.toUpperCase().replace(/-/g, '_')}`} instead.`,
    );
  }
}
