// Inputs a step passed that the action does not declare. The runner only warns about them ("Unexpected
// input(s)") and passes them on as INPUT_* variables; a misspelt `dry_run` would otherwise be ignored
// while the action deletes for real, so destructive runs refuse them before any API call.
import { InputError } from '../errors/errors.ts';
import { logWarning } from '../output/log.ts';
import { shown } from '../output/shown.ts';
import { type ActionMetadata, inputVariable } from './action-metadata.ts';
import type { InputReader } from './input-reader.ts';

export interface UndeclaredInput {
  /** The name as the step gave it (as read back from INPUT_*: lower-case). */
  input: string;
  /** The declared input whose name is nearest to it. */
  closest: string;
}

/** Given names that match no declared input (compared as the runner's INPUT_* variables), with the nearest. */
export function findUndeclaredInputs(
  given: readonly string[],
  declared: readonly string[],
): UndeclaredInput[] {
  const known = new Set(declared.map(inputVariable));
  const found: UndeclaredInput[] = [];
  for (const input of given) {
    if (known.has(inputVariable(input)) || found.some((entry) => entry.input === input)) continue;
    found.push({ input, closest: closestName(input, declared) });
  }
  return found;
}

/** `Input 'dry_run' is not an input of prune-tags; did you mean 'dry-run'?`, one sentence per input. */
export function undeclaredInputsMessage(action: string, found: readonly UndeclaredInput[]): string {
  return found
    .map(({ input, closest }) => `Input '${input}' is not an input of ${action}; did you mean '${closest}'?`)
    .join(' ');
}

/**
 * Checks the step's inputs against the action's declaration: `refuse` (a destructive run) throws an
 * InputError naming each undeclared input, anything else warns once and goes on.
 */
export function checkDeclaredInputs(
  reader: InputReader,
  metadata: ActionMetadata,
  options: { refuse: false } | { refuse: true; because: string },
): void {
  const found = findUndeclaredInputs(reader.givenInputs(), Object.keys(metadata.inputs));
  if (found.length === 0) return;
  const message = undeclaredInputsMessage(metadata.name, found);
  if (options.refuse) {
    throw new InputError(
      found.map(({ input }) => input),
      `${message} Nothing was changed: ${options.because}, so it stops on an input it does not know.`,
    );
  }
  logWarning(shown`${message} It is ignored.`);
}

/** The declared name nearest to `input` (edit distance, ignoring case, `_` and spaces). */
export function closestName(input: string, declared: readonly string[]): string {
  const wanted = normalised(input);
  let best = declared[0] ?? '';
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const name of declared) {
    const distance = editDistance(wanted, normalised(name));
    if (distance < bestDistance) {
      best = name;
      bestDistance = distance;
    }
  }
  return best;
}

/** Case, `_` and spaces do not tell names apart for a reader: `DRY_RUN` is near `dry-run`. */
function normalised(name: string): string {
  return name.toLowerCase().replace(/[_ ]/g, '-');
}

/** Levenshtein distance: insertions, deletions and substitutions of one character. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length]!;
}
