// Tag patterns of include, exclude and keep: globs matched against the whole tag (the default), or
// regular expressions matched anywhere in it (use-regex: true). Checked at input time.
import { InputError } from '../../core/errors/errors.ts';
import type { PatternSyntax, TagPattern } from '../../providers/seam/tags.ts';
import { globToRegExp } from './patterns.ts';

/** What a tag name may hold (Docker's rule), plus the glob's `*` and `?`. */
const GLOB = /^[A-Za-z0-9_.*?-]+$/;

/**
 * One pattern per line; an invalid one is an InputError naming the input, the line and the fix. A comment
 * after whitespace (`latest  # never delete latest`) is dropped, as in `entries`; tag names never hold
 * whitespace, so any left in a pattern is refused rather than matched literally.
 */
export function compileTagPatterns(
  input: string,
  lines: readonly string[],
  syntax: PatternSyntax,
): TagPattern[] {
  return lines.map((line, index) => {
    const source = line.replace(/\s+#.*$/, '').trim();
    if (/\s/.test(source)) {
      throw new InputError(
        input,
        `Input '${input}' line ${index + 1} holds whitespace: ${JSON.stringify(line)}. Tag names never contain ` +
          'whitespace, so the pattern could never match as meant; a comment starts with whitespace and "#".',
      );
    }
    return syntax === 'glob' ? compileGlob(input, source, index) : compileRegex(input, source, index);
  });
}

function compileGlob(input: string, source: string, index: number): TagPattern {
  if (!GLOB.test(source)) {
    const odd = [...source].find((char) => !/[A-Za-z0-9_.*?-]/.test(char)) ?? '';
    throw new InputError(
      input,
      `Input '${input}' line ${index + 1} "${source}" is a glob pattern (use-regex is false) and holds "${odd}", ` +
        'which no tag name can hold (letters, digits, _ . -). Write it as a glob matching the whole tag, ' +
        'with * for any characters and ? for one (pr-1-* for tags starting with pr-1-), or set use-regex: true ' +
        'to read every tag pattern as a regular expression.',
    );
  }
  return { source, syntax: 'glob', regex: globToRegExp(source), text: source };
}

function compileRegex(input: string, source: string, index: number): TagPattern {
  try {
    return { source, syntax: 'regex', regex: new RegExp(source), text: `/${source}/` };
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new InputError(
      input,
      `Input '${input}' line ${index + 1} is not a valid regular expression: ${source} (${why}).`,
    );
  }
}

/** The first pattern a tag matches, if any. */
export function firstMatch(patterns: readonly TagPattern[], tag: string): TagPattern | undefined {
  return patterns.find((pattern) => pattern.regex.test(tag));
}

const EVERY_TAG_EFFECT: Record<string, string> = {
  exclude: 'so exclude takes every tag out of consideration and nothing is deleted',
  keep: 'so keep keeps every tag and nothing is deleted',
};

/**
 * A warning per exclude or keep pattern that matches the empty string: it matches every tag, so nothing can
 * be deleted. (An include that selects every tag is how a run deletes them all, on purpose: not warned.)
 */
export function everyTagWarnings(input: string, patterns: readonly TagPattern[]): string[] {
  return patterns
    .filter((pattern) => pattern.regex.test(''))
    .map((pattern) => {
      const why =
        pattern.syntax === 'regex'
          ? 'matches the empty string, and a regular expression matches anywhere in a tag unless anchored with ^ and $'
          : 'is only *';
      return `Input '${input}' pattern ${pattern.text} ${why}, ${EVERY_TAG_EFFECT[input] ?? 'so it matches every tag'}.`;
    });
}
