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
  const bChars = b.split('');
  // One row of the distance table at a time; `distance` ends as the bottom-right cell.
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  let distance = b.length;
  for (const [i, charA] of a.split('').entries()) {
    let diagonal = i;
    distance = i + 1;
    const current = [distance];
    for (const [j, up] of previous.slice(1).entries()) {
      distance = Math.min(up + 1, distance + 1, diagonal + (charA === bChars[j] ? 0 : 1));
      diagonal = up;
      current.push(distance);
    }
    previous = current;
  }
  return distance;
}
