// Tag patterns (regular expressions) and repository patterns (globs), checked at input time.
import { InputError } from '../../core/errors/errors.ts';

/** A tag pattern: the regular expression and its source text (for reasons and server-side policies). */
export interface TagPattern {
  source: string;
  regex: RegExp;
}

/**
 * Compiles one regular expression per line; an invalid one is an InputError naming the input and line.
 * A comment after whitespace (`^latest$  # never delete latest`) is dropped, as in `entries`; tag names
 * never hold whitespace, so any left in a pattern is refused rather than matched literally.
 */
export function compileTagPatterns(input: string, lines: readonly string[]): TagPattern[] {
  return lines.map((line, index) => {
    const source = line.replace(/\s+#.*$/, '').trim();
    if (/\s/.test(source)) {
      throw new InputError(
        input,
        `Input '${input}' line ${index + 1} holds whitespace: ${JSON.stringify(line)}. Tag names never contain ` +
          'whitespace, so the pattern could never match as meant; a comment starts with whitespace and "#".',
      );
    }
    try {
      return { source, regex: new RegExp(source) };
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      throw new InputError(
        input,
        `Input '${input}' line ${index + 1} is not a valid regular expression: ${source} (${why}).`,
      );
    }
  });
}

/** The first pattern a tag matches, if any. */
export function firstMatch(patterns: readonly TagPattern[], tag: string): TagPattern | undefined {
  return patterns.find((pattern) => pattern.regex.test(tag));
}

/** True when a repository pattern holds glob characters (`*`, `?`). */
export function isGlob(pattern: string): boolean {
  return /[*?]/.test(pattern);
}

/** A glob as an anchored regex: `*` any run of characters (also `/`), `?` exactly one. */
export function globToRegExp(glob: string): RegExp {
  const body = [...glob]
    .map((char) => (char === '*' ? '.*' : char === '?' ? '.' : char.replace(/[\\^$.|+()[\]{}]/g, '\\$&')))
    .join('');
  return new RegExp(`^${body}$`);
}

/** Repository names that match any of the patterns, sorted; literal names pass through unchanged. */
export function selectRepositories(patterns: readonly string[], available: readonly string[]): string[] {
  const chosen = new Set<string>();
  for (const pattern of patterns) {
    if (!isGlob(pattern)) {
      chosen.add(pattern);
      continue;
    }
    const regex = globToRegExp(pattern);
    for (const name of available) if (regex.test(name)) chosen.add(name);
  }
  return [...chosen].sort();
}
