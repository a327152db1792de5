// The GitHub Actions runner's step protocol, as @actions/core speaks it, without its HTTP and OIDC
// clients (which load undici at start-up): workflow commands on stdout (`::name::message`, `%`, CR and
// LF escaped), and the file commands GITHUB_OUTPUT / GITHUB_ENV / GITHUB_STATE, each value between
// heredoc delimiters `name<<ghadelimiter_<uuid>` that no value may contain.
import { appendFileSync, constants, existsSync } from 'node:fs';
import { EOL } from 'node:os';
import { nodeCrypto, nodeFsPromises } from '../node/builtins.ts';

/**
 * Writes `::command key=value,…::message` to stdout (an empty message allowed); as the toolkit does, a
 * property with an empty value is left out, and the space before the properties stays.
 */
export function issueCommand(command: string, message = '', properties: Record<string, string> = {}): void {
  const entries = Object.entries(properties);
  const given = entries.filter(([, value]) => value).map(([key, value]) => `${key}=${escapeProperty(value)}`);
  const props = entries.length > 0 ? ` ${given.join(',')}` : '';
  process.stdout.write(`::${command}${props}::${escapeData(message)}${EOL}`);
}

/** A workflow command's message: `%`, CR and LF as %25, %0D, %0A, as the runner reads them back. */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/**
 * Appends `name` = `value` to the file the runner names in GITHUB_<kind> (OUTPUT, ENV, STATE); without
 * it (an older runner, or a plain shell), the `::set-output` style command the runner also accepts.
 */
export function issueKeyValue(kind: 'OUTPUT' | 'ENV' | 'STATE', name: string, value: string): void {
  const file = process.env[`GITHUB_${kind}`] || '';
  if (!file) {
    const command = { OUTPUT: 'set-output', ENV: 'set-env', STATE: 'save-state' }[kind];
    if (kind === 'OUTPUT') process.stdout.write(EOL);
    issueCommand(command, value, { name });
    return;
  }
  if (!existsSync(file)) throw new Error(`Missing file at path: ${file}`);
  appendFileSync(file, `${keyValueMessage(name, value)}${EOL}`, { encoding: 'utf8' });
}

/** A command property: the message escapes plus `:` and `,`. */
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** `name<<delimiter`, the value, the delimiter: a fresh random delimiter that neither name nor value holds. */
export function keyValueMessage(name: string, value: string): string {
  const delimiter = `ghadelimiter_${nodeCrypto().randomUUID()}`;
  if (name.includes(delimiter)) {
    throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
  }
  if (value.includes(delimiter)) {
    throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
  }
  return `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}`;
}

/** Appends Markdown (and a line end) to the job summary file GITHUB_STEP_SUMMARY names. */
export async function appendStepSummary(file: string, markdown: string): Promise<void> {
  try {
    await nodeFsPromises().access(file, constants.R_OK | constants.W_OK);
  } catch {
    throw new Error(
      `Unable to access summary file: '${file}'. Check if the file has correct read/write permissions.`,
    );
  }
  await nodeFsPromises().appendFile(file, `${markdown}${EOL}`, { encoding: 'utf8' });
}
