import { describe, expect, it } from 'vitest';
import { ListingIncompleteError } from '../../../../src/core/errors/errors.ts';
import { fromCcrTag } from '../../../../src/providers/ccr/tag-registry.ts';
import { fromSwrTag } from '../../../../src/providers/swr/prune-tags/tag-page.ts';
import { swrTagRegistry } from '../../../../src/providers/swr/prune-tags/tag-registry.ts';
import { fakeApi } from '../../../support/fake-api.ts';

describe('tag records', () => {
  it('reads an SWR manifest list with its images', () => {
    const manifest = JSON.stringify({ manifests: [{ digest: 'sha256:a' }, { digest: 'sha256:b' }] });
    expect(
      fromSwrTag({
        Tag: 'v1',
        digest: 'sha256:l',
        updated: '2025-01-01T00:00:00Z',
        size: 10,
        tag_type: 1,
        manifest,
      }),
    ).toEqual({
      name: 'v1',
      digest: 'sha256:l',
      updatedAt: Date.UTC(2025, 0, 1),
      size: 10,
      kind: 'list',
      children: ['sha256:a', 'sha256:b'],
    });
  });

  it('normalises digests: case, and bare hex ids (as the spec examples show) get sha256:', () => {
    const hex = 'A1'.repeat(32);
    const manifest = JSON.stringify({
      manifests: [{ digest: `SHA256:${'B2'.repeat(32)}` }, { digest: 'c3'.repeat(32) }],
    });
    const list = fromSwrTag({ Tag: 'v1', digest: hex, tag_type: 1, manifest });
    expect(list.digest).toBe(`sha256:${'a1'.repeat(32)}`);
    expect(list.children).toEqual([`sha256:${'b2'.repeat(32)}`, `sha256:${'c3'.repeat(32)}`]);
    expect(fromCcrTag({ tagName: 'x', digest: ` SHA256:${'D4'.repeat(32)} ` }).digest).toBe(
      `sha256:${'d4'.repeat(32)}`,
    );
  });

  it('treats a tag whose manifest is an index as a manifest list even when tag_type says 0', () => {
    // An OCI image index reported as a plain manifest must still protect the images it references.
    const manifest = JSON.stringify({
      mediaType: 'application/vnd.oci.image.index.v1+json',
      manifests: [{ digest: 'sha256:a' }],
    });
    const info = fromSwrTag({ Tag: 'v1', digest: 'sha256:i', tag_type: 0, manifest });
    expect(info.kind).toBe('list');
    expect(info.children).toEqual(['sha256:a']);
  });

  it('reads SWR times without a zone designator as UTC, as the spec states, whatever the host zone', () => {
    const zone = process.env.TZ;
    process.env.TZ = 'Asia/Shanghai';
    try {
      const info = fromSwrTag({ Tag: 'v1', digest: 'sha256:a', updated: '2025-01-01T00:00:00.123456' });
      expect(info.updatedAt).toBe(Date.UTC(2025, 0, 1, 0, 0, 0, 123));
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('marks an SWR manifest list with an unreadable manifest as having unknown images', () => {
    const info = fromSwrTag({ Tag: 'v1', digest: 'sha256:l', tag_type: 1, manifest: 'oops' });
    expect(info.kind).toBe('list');
    expect(info.children).toBeUndefined();
    expect(info.updatedAt).toBeNaN();
  });
});

describe('swrTagRegistry', () => {
  it('refuses a listing that returns the same tag twice', async () => {
    const api = fakeApi(() => ({
      headers: { 'content-range': '0-2/2' },
      body: [{ Tag: 'a' }, { Tag: 'a' }],
    }));
    await expect(swrTagRegistry(api, 'team', 'cn-north-4').listTags('web')).rejects.toThrow(
      ListingIncompleteError,
    );
  });
});
