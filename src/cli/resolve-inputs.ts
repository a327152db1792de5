// Every declared input's text for a CLI run, as the runner would pass it: the flags' value (repeated flags
// are lines of one value), else a --<input>-file's content, else REGISTRY_ACTIONS_<INPUT>, else the
// action.yml default, else ''. Vendor credential variables (HUAWEICLOUD_SDK_AK…) are read by the actions
// themselves, as on a runner.
import type { ActionMetadata } from '../core/action/action-metadata.ts';
import type { InputFlag } from './arguments.ts';
import { SECRET_INPUTS } from './secret-inputs.ts';
import { variableName } from './shell-quote.ts';
import { UsageError } from './usage-error.ts';

export interface ResolvedInputs {
  /** Every declared input: the value given, else the default, else ''. */
  values: Map<string, string>;
  /** Inputs given by flag, file or environment variable. */
  given: string[];
  /** Secret inputs given as plain flags (in the shell history and process list). */
  plainSecrets: string[];
}

/** `REGISTRY_ACTIONS_SECRET_ACCESS_KEY` for `secret-access-key`. */
export function inputVariableName(input: string): string {
  return `REGISTRY_ACTIONS_${variableName(input)}`;
}

/**
 * An input's default outside GitHub: action.yml's text, except a GitHub expression (`${{ github.token }}`),
 * which only a runner can evaluate; such an input is empty unless given (an action may then read its
 * variable, e.g. GITHUB_TOKEN).
 */
export function cliDefault(declared: string | undefined): string {
  return declared === undefined || declared.includes('${{') ? '' : declared;
}

/** Resolves the inputs; `readText` reads a file (`-`: stdin). UsageError when a file cannot be read. */
export function resolveInputs(
  metadata: ActionMetadata,
  flags: readonly InputFlag[],
  env: NodeJS.ProcessEnv,
  readText: (path: string) => string,
): ResolvedInputs {
  const values = new Map<string, string>();
  const given: string[] = [];
  const plainSecrets: string[] = [];
  for (const [input, declared] of Object.entries(metadata.inputs)) {
    const own = flags.filter((flag) => flag.input === input);
    const fromEnv = env[inputVariableName(input)];
    if (own.length > 0) {
      values.set(
        input,
        own
          .map((flag) => ('file' in flag ? readFlagFile(input, flag.file, readText) : flag.value))
          .join('\n'),
      );
      given.push(input);
      if (SECRET_INPUTS.has(input) && own.some((flag) => 'value' in flag)) plainSecrets.push(input);
    } else if (fromEnv !== undefined && fromEnv.trim() !== '') {
      values.set(input, fromEnv);
      given.push(input);
    } else {
      values.set(input, cliDefault(declared.default));
    }
  }
  checkOneForm(flags);
  return { values, given, plainSecrets };
}

/** `--x` and `--x-file` together would leave one of them silently unused. */
function checkOneForm(flags: readonly InputFlag[]): void {
  const both = flags.find(
    (flag) => 'file' in flag && flags.some((other) => other.input === flag.input && 'value' in other),
  );
  if (both) {
    throw new UsageError(`--${both.input} and --${both.input}-file are both given: give the value one way.`);
  }
}

function readFlagFile(input: string, path: string, readText: (path: string) => string): string {
  try {
    return readText(path);
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    throw new UsageError(`--${input}-file ${path} cannot be read (${reason}).`);
  }
}
