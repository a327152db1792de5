// The INPUT_* variables the runner gives an action: for every input action.yml declares, the step's value,
// else the default with its expressions evaluated, else ''. Keys the action does not declare are passed on
// as given, with the runner's warning about them. Keys match declared names case-insensitively.
import type { ActionDefinition } from './action-definition.ts';
import type { Contexts } from './expressions.ts';
import { tokenString } from './templates.ts';

export interface RunnerInputs {
  /** Input name (as declared, or as given when undeclared) → the value the action reads. */
  values: Record<string, string>;
  /** `Unexpected input(s) 'x', valid inputs are ['a', 'b']`, when the step gave undeclared keys. */
  unexpected?: string;
}

/** The inputs an action receives for a step's `with:` (already evaluated to text). */
export function runnerInputs(
  definition: ActionDefinition,
  given: Readonly<Record<string, string>>,
  contexts: Contexts,
): RunnerInputs {
  const givenByKey = new Map(Object.entries(given).map(([name, value]) => [name.toLowerCase(), value]));
  const values: Record<string, string> = {};
  for (const input of definition.inputs) {
    const value = givenByKey.get(input.id.toLowerCase());
    values[input.id] = value ?? (input.default ? tokenString(input.default, contexts) : '');
  }
  const declared = new Set(definition.inputs.map((input) => input.id.toLowerCase()));
  const unexpected = Object.keys(given).filter((name) => !declared.has(name.toLowerCase()));
  for (const name of unexpected) values[name] = given[name]!;
  if (unexpected.length === 0) return { values };
  const valid = definition.inputs.map((input) => input.id);
  return {
    values,
    unexpected: `Unexpected input(s) '${unexpected.join("', '")}', valid inputs are ['${valid.join("', '")}']`,
  };
}

/** The runner's name mangling: `keep-last` → `INPUT_KEEP-LAST` (spaces become underscores). */
export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}
