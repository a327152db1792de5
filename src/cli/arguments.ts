// The command line: `registry-actions <action> [--<input> <value>]… [options]`. Pure: it knows the actions'
// declared inputs and the CLI's own options, and refuses anything else, naming the closest flag.
import type { ActionMetadata } from '../core/action/action-metadata.ts';
import { closestName } from '../core/action/undeclared-inputs.ts';
import type { OutputFormat } from './output-format.ts';
import { UsageError } from './usage-error.ts';

export interface CliOptions {
  format: OutputFormat;
  stateFile?: string;
  summaryFile?: string;
  post: boolean;
  debug: boolean;
  help: boolean;
}

/** One input flag: `--<input> value` (or bare, for a true/false input) or `--<input>-file path`. */
export type InputFlag = { input: string; value: string } | { input: string; file: string };

export type Command =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'run'; action: string; options: CliOptions; inputs: InputFlag[] };

/** The CLI's own options, with whether each takes a value. */
export const CLI_OPTIONS: Readonly<Record<string, 'flag' | 'value'>> = {
  format: 'value',
  'state-file': 'value',
  'summary-file': 'value',
  post: 'flag',
  debug: 'flag',
  help: 'flag',
};

/** Names that run an action; `logout` is login's post step. */
function actionOf(name: string, actions: readonly string[]): { action: string; post: boolean } {
  if (name === 'logout') return { action: 'login', post: true };
  if (actions.includes(name)) return { action: name, post: false };
  const names = [...actions, 'logout'];
  const closest = names.find((candidate) => candidate.startsWith(name)) ?? closestName(name, names);
  throw new UsageError(`'${name}' is not an action of registry-actions; did you mean '${closest}'?`);
}

/** An input whose default is true or false may be given as a bare flag, meaning true. */
export function isBooleanInput(metadata: ActionMetadata, input: string): boolean {
  const fallback = metadata.inputs[input]?.default;
  return fallback === 'true' || fallback === 'false';
}

/** Parses argv (without node and the script); `metadataOf` gives an action's declared inputs. */
export function parseArguments(
  argv: readonly string[],
  metadataOf: (action: string) => ActionMetadata,
  actions: readonly string[],
): Command {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help')
    return { kind: 'help' };
  if (first === '--version' || first === '-V') return { kind: 'version' };
  if (first.startsWith('-')) {
    throw new UsageError(
      `'${first}' comes before the action: registry-actions <action> [--<input> <value>]…`,
    );
  }
  const { action, post } = actionOf(first, actions);
  const metadata = metadataOf(action);
  const options: CliOptions = { format: 'env', post, debug: false, help: false };
  const inputs: InputFlag[] = [];
  const tokens = [...rest];
  for (let token = tokens.shift(); token !== undefined; token = tokens.shift()) {
    if (token === '-h') {
      options.help = true;
      continue;
    }
    if (!token.startsWith('--') || token === '--') {
      throw new UsageError(`'${token}' is not a flag: give values as --<input> <value>.`);
    }
    const [name, inline] = splitFlag(token.slice(2));
    const takeValue = (bare: string | undefined): string => {
      if (inline !== undefined) return inline;
      const next = tokens[0];
      if (next !== undefined && !next.startsWith('--')) {
        tokens.shift();
        return next;
      }
      if (bare !== undefined) return bare;
      throw new UsageError(`--${name} needs a value: --${name} <value> or --${name}=<value>.`);
    };
    const option = CLI_OPTIONS[name];
    if (option === 'flag') {
      if (inline !== undefined) throw new UsageError(`--${name} takes no value.`);
      setFlag(options, name);
    } else if (option === 'value') {
      setOption(options, name, takeValue(undefined));
    } else if (metadata.inputs[name] !== undefined) {
      inputs.push({ input: name, value: takeValue(isBooleanInput(metadata, name) ? 'true' : undefined) });
    } else if (name.endsWith('-file') && metadata.inputs[name.slice(0, -'-file'.length)] !== undefined) {
      inputs.push({ input: name.slice(0, -'-file'.length), file: takeValue(undefined) });
    } else {
      const closest = closestName(name, [...Object.keys(metadata.inputs), ...Object.keys(CLI_OPTIONS)]);
      throw new UsageError(`--${name} is not an input of ${metadata.name}; did you mean --${closest}?`);
    }
  }
  return { kind: 'run', action, options, inputs };
}

function splitFlag(text: string): [name: string, inline: string | undefined] {
  const at = text.indexOf('=');
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}

function setFlag(options: CliOptions, name: string): void {
  if (name === 'post') options.post = true;
  if (name === 'debug') options.debug = true;
  if (name === 'help') options.help = true;
}

function setOption(options: CliOptions, name: string, value: string): void {
  if (name === 'format') {
    if (value !== 'env' && value !== 'json') {
      throw new UsageError(`--format must be env or json, got "${value}".`);
    }
    options.format = value;
  }
  if (name === 'state-file') options.stateFile = value;
  if (name === 'summary-file') options.summaryFile = value;
}
