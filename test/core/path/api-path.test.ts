import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UnsafeNameError } from '../../../src/core/errors/errors.ts';
import { apiPath, pathSegment, type SegmentRule } from '../../../src/core/path/api-path.ts';
import {
  numericIdProblems,
  ociRepositoryProblems,
  ociTagProblems,
} from '../../../src/core/path/segment-rules.ts';

const tag: SegmentRule = { what: 'tag', problems: ociTagProblems };
const repo: SegmentRule = { what: 'repository', problems: ociRepositoryProblems };
const id: SegmentRule = { what: 'id', problems: numericIdProblems };
const dollarRepo: SegmentRule = { ...repo, spellEncoded: (encoded) => encoded.replaceAll('%2F', '$') };

function refusal(run: () => unknown): UnsafeNameError {
  try {
    run();
  } catch (error) {
    if (error instanceof UnsafeNameError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('apiPath', () => {
  it('encodes each segment by its rule', () => {
    const path = apiPath`/v2/ns/${pathSegment('team', repo)}/repos/${pathSegment('web/api', dollarRepo)}/tags/${pathSegment('v1.2_3-rc', tag)}`;
    expect(path).toBe('/v2/ns/team/repos/web$api/tags/v1.2_3-rc');
    expect(apiPath`/v1/projects/${pathSegment(42, id)}`).toBe('/v1/projects/42');
  });

  it.each([
    ['..', tag, 'is a dot segment'],
    ['.', tag, 'is a dot segment'],
    ['', tag, 'is empty'],
    ['-v1', tag, 'must start with a letter, digit or "_"'],
    ['v1/../x', tag, 'may contain only letters'],
    ['v1\n::error::x', tag, 'control characters'],
    ['a'.repeat(129), tag, 'more than 128'],
    ['7/../8', id, 'not a numeric id'],
    ['-1', id, 'not a numeric id'],
    ['12a', id, 'not a numeric id'],
    ['Web', repo, 'is not a repository name'],
    ['web//api', repo, 'is not a repository name'],
    ['web/..', repo, 'is not a repository name'],
    ['%2e%2e', repo, 'is not a repository name'],
  ])('refuses %j as a %s segment', (value, rule, problem) => {
    const error = refusal(() => pathSegment(value, rule));
    expect(error.what).toBe(rule.what);
    expect(error.value).toBe(value);
    expect(error.message).toContain(problem);
  });

  it('refuses a path whose normalised form differs, even from literal text', () => {
    expect(refusal(() => apiPath`/v2/a/../b`).message).toContain('reads as "/v2/b"');
    expect(refusal(() => apiPath`/v2/a//b`).what).toBe('request path');
  });

  it('any value either is refused or stays exactly one segment of the path', () => {
    const anyRule: SegmentRule = { what: 'name', problems: () => [] };
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (value) => {
        let path: string;
        try {
          path = apiPath`/base/${pathSegment(value, anyRule)}/end`;
        } catch (error) {
          expect(error).toBeInstanceOf(UnsafeNameError);
          return;
        }
        const url = new URL(path, 'http://h.invalid');
        const segments = url.pathname.split('/');
        expect(segments).toHaveLength(4);
        expect(decodeURIComponent(segments[2]!)).toBe(value);
      }),
    );
  });
});
