import { describe, expect, it } from 'vitest';
import { manifestListChildren, parseTime } from '../../../src/providers/seam/tag-info.ts';

describe('manifestListChildren', () => {
  it('reads the digests of a manifest list or OCI index', () => {
    const manifest = JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.index.v1+json',
      manifests: [{ digest: 'sha256:a', platform: { architecture: 'amd64' } }, { digest: 'sha256:b' }],
    });
    expect(manifestListChildren(manifest)).toEqual(['sha256:a', 'sha256:b']);
  });

  it('gives undefined for anything it cannot read with certainty', () => {
    expect(manifestListChildren(undefined)).toBeUndefined();
    expect(manifestListChildren('')).toBeUndefined();
    expect(manifestListChildren('{not json')).toBeUndefined();
    expect(manifestListChildren('{"schemaVersion":2,"layers":[]}')).toBeUndefined();
    expect(manifestListChildren('{"manifests":[{"size":1}]}')).toBeUndefined();
  });
});

describe('parseTime', () => {
  it('reads ISO times and gives NaN otherwise', () => {
    expect(parseTime('2018-07-06T06:18:55Z')).toBe(Date.UTC(2018, 6, 6, 6, 18, 55));
    expect(parseTime(null)).toBeNaN();
    expect(parseTime('yesterday')).toBeNaN();
  });
});
