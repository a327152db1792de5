import { describe, expect, it } from 'vitest';
import { fromCcrTag } from '../../../src/providers/ccr/tag-registry.ts';

describe('tag records', () => {
  it('reads a CCR tag by its push time', () => {
    expect(
      fromCcrTag({ tagName: 'v2', digest: 'sha256:c', pushTime: '2025-02-01T00:00:00Z', size: 7 }),
    ).toEqual({
      name: 'v2',
      digest: 'sha256:c',
      updatedAt: Date.UTC(2025, 1, 1),
      size: 7,
      kind: 'image',
    });
  });
});
