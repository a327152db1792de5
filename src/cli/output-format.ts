// What a CLI run prints on stdout: the step's outputs and the variables it exports to later steps, as
// sourceable `KEY=value` lines (`--format env`) or one JSON object (`--format json`). Pure.
import { shellAssignment, variableName } from './shell-quote.ts';

export type OutputFormat = 'env' | 'json';

export interface StepResults {
  /** Outputs in the order set, named as in action.yml. */
  outputs: ReadonlyMap<string, string>;
  /** Variables the action exports to the later steps of the job (DOCKER_CONFIG after login). */
  exported: ReadonlyMap<string, string>;
}

/**
 * `--format env`: one `NAME=value` line per output (name upper-cased, `-` as `_`: `docker-config` →
 * `DOCKER_CONFIG`), quoted for the shell; an exported variable is an `export NAME=value` line, once.
 */
export function envLines(results: StepResults): string {
  const lines = new Map<string, string>();
  for (const [name, value] of results.outputs) {
    lines.set(variableName(name), shellAssignment(variableName(name), value, { exported: false }));
  }
  for (const [name, value] of results.exported) {
    const key = variableName(name);
    lines.delete(key);
    lines.set(key, shellAssignment(key, value, { exported: true }));
  }
  return [...lines.values()].map((line) => `${line}\n`).join('');
}

/** Characters JSON.stringify leaves raw that a terminal may act on or hide. */
const RAW_IN_JSON = /[\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/gu;

/**
 * `--format json`: `{"outputs": {name: value}, "env": {NAME: value}}` on one line, every hidden character
 * and `##[` escaped.
 */
export function jsonLine(results: StepResults): string {
  const text = JSON.stringify({
    outputs: Object.fromEntries(results.outputs),
    env: Object.fromEntries(results.exported),
  });
  const escaped = text.replace(
    RAW_IN_JSON,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  // `[` after `##` as \u005b: no legacy runner command (`##[`) anywhere in the line.
  return `${escaped.replaceAll('##[', '##\\u005b')}\n`;
}

/** The results in the chosen format. */
export function formatResults(results: StepResults, format: OutputFormat): string {
  return format === 'json' ? jsonLine(results) : envLines(results);
}
