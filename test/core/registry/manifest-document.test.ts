import { describe, expect, it } from 'vitest';
import {
  digestOf,
  manifestListChildren,
  normalizeDigest,
  readManifestDocument,
} from '../../../src/core/registry/manifest-document.ts';

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

describe('normalizeDigest', () => {
  it('spells equal digests alike: case, spaces, bare hex', () => {
    const hex = 'ab'.repeat(32);
    expect(normalizeDigest(` SHA256:${hex.toUpperCase()} `)).toBe(`sha256:${hex}`);
    expect(normalizeDigest(hex)).toBe(`sha256:${hex}`);
    expect(normalizeDigest(undefined)).toBe('');
  });
});

describe('readManifestDocument', () => {
  const index = JSON.stringify({
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.index.v1+json',
    manifests: [{ digest: `sha256:${'1'.repeat(64)}` }, { digest: `sha256:${'2'.repeat(64)}` }],
  });
  const image = JSON.stringify({ schemaVersion: 2, config: {}, layers: [] });

  it('reads an index by its media type or its manifests array, and names its images', () => {
    const facts = readManifestDocument(index, 'application/vnd.oci.image.index.v1+json', digestOf(index));
    expect(facts?.children).toEqual([`sha256:${'1'.repeat(64)}`, `sha256:${'2'.repeat(64)}`]);
    expect(readManifestDocument(index, undefined, 'd')?.mediaType).toBe(
      'application/vnd.oci.image.index.v1+json',
    );
  });

  it('reads an image as one without children, and refuses what is neither', () => {
    expect(readManifestDocument(image, 'application/vnd.oci.image.manifest.v1+json', 'd')).toEqual({
      digest: 'd',
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
    });
    expect(readManifestDocument('{"hello":1}', 'application/json', 'd')).toBeUndefined();
    expect(readManifestDocument('not json', undefined, 'd')).toBeUndefined();
    // A list type whose document names no readable images is not taken for an image.
    expect(
      readManifestDocument('{"config":{}}', 'application/vnd.docker.distribution.manifest.list.v2+json', 'd'),
    ).toBeUndefined();
  });
});
