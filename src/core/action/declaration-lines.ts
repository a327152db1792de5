// The loop shared by the line inputs (`repositories`, `permissions`): parse each line, refuse repeats, and
// report every bad line at once.
import { InputError } from '../../core/errors/errors.ts';

/** How one line input reads. */
export interface LineGrammar<T> {
  /** The input's name, for the error. */
  input: string;
  /** Parses one line; throws an Error saying what is wrong with it. */
  parseLine(line: string): T;
  /** What must not repeat across lines (a name). */
  keyOf(wish: T): string;
  /** The problem text for a repeated key. */
  declaredTwice(key: string): string;
  /** The line format, shown after the problems. */
  usage: string;
}

/** Parses every line; throws one InputError listing each bad line and why. */
export function parseDeclarationLines<T>(lines: readonly string[], grammar: LineGrammar<T>): T[] {
  const wishes: T[] = [];
  const problems: string[] = [];
  for (const line of lines) {
    try {
      const wish = grammar.parseLine(line);
      const key = grammar.keyOf(wish);
      if (wishes.some((other) => grammar.keyOf(other) === key)) throw new Error(grammar.declaredTwice(key));
      wishes.push(wish);
    } catch (error) {
      problems.push(`line "${line}": ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (problems.length > 0) {
    throw new InputError(
      grammar.input,
      `Input '${grammar.input}' is not valid:\n  ${problems.join('\n  ')}\n${grammar.usage}`,
    );
  }
  return wishes;
}
