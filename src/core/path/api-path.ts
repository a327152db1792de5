// The one way a value gets into a request path: checked against its rule, then percent-encoded, and the
// whole path refused when URL normalisation would read it differently from how it was built.
import { UnsafeNameError } from '../errors/errors.ts';
import { fillTemplate } from '../output/template.ts';
import { plainSegmentProblems } from './segment-rules.ts';

let make: (encoded: string) => PathSegment;

/** One checked, encoded path segment; made only by `pathSegment`. */
export class PathSegment {
  readonly encoded: string;

  private constructor(encoded: string) {
    this.encoded = encoded;
  }

  static {
    make = (encoded) => new PathSegment(encoded);
  }
}

/** How one kind of value is checked and written into a path. */
export interface SegmentRule {
  /** Names the value in errors: "tag", "SWR repository", "CCR project id". */
  what: string;
  problems(value: string): string[];
  /** Rewrites the percent-encoded value (SWR sends `/` in repository names, `%2F` once encoded, as `$`). */
  spellEncoded?(encoded: string): string;
}

/** Checks `value` against `rule` (and the rules of every segment) and encodes it; throws UnsafeNameError. */
export function pathSegment(value: string | number, rule: SegmentRule): PathSegment {
  const text = String(value);
  const problems = [...plainSegmentProblems(text), ...rule.problems(text)];
  if (problems.length > 0) throw new UnsafeNameError(rule.what, text, [...new Set(problems)]);
  const encoded = encodeURIComponent(text);
  return make(rule.spellEncoded ? rule.spellEncoded(encoded) : encoded);
}

/**
 * Encodes an already percent-encoded segment once more (`a%2Fb` → `a%252Fb`), for APIs whose router
 * decodes the path once before splitting it.
 */
export function encodedOnceMore(encoded: string): string {
  return encodeURIComponent(encoded);
}

/** Problems `value` has under `rule`, for planners that keep and report a listed name instead of failing. */
export function segmentProblems(value: string, rule: SegmentRule): string[] {
  const plain = plainSegmentProblems(value);
  const own = rule.problems(value);
  // The usual answer, asked once per listed tag: nothing to merge.
  if (plain.length === 0 && own.length === 0) return own;
  return [...new Set([...plain, ...own])];
}

declare const built: unique symbol;

/** A request path made by `apiPath` (checked and normal); it may begin another `apiPath`. */
export type ApiPath = string & { readonly [built]: true };

/**
 * Tag for request paths: apiPath`/v2/manage/namespaces/${ns}/repos/${repo}`. Values are PathSegments,
 * or a path apiPath made before (to extend it).
 */
export function apiPath(
  parts: TemplateStringsArray,
  ...segments: readonly (PathSegment | ApiPath)[]
): ApiPath {
  const path = fillTemplate('apiPath', parts, segments, (segment) =>
    typeof segment === 'string' ? segment : segment.encoded,
  );
  assertNormalPath(path);
  return path as ApiPath;
}

/** Throws unless `path` is absolute and reads the same after URL normalisation (no dot or empty segments). */
export function assertNormalPath(path: string): void {
  const normal = new URL(path, 'http://path.invalid').pathname;
  if (!path.startsWith('/') || normal !== path || path.includes('//')) {
    throw new UnsafeNameError('request path', path, [
      `reads as ${JSON.stringify(normal)} once normalised, so it would reach another resource`,
    ]);
  }
}
