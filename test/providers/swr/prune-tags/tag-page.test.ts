import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TagInfo } from '../../../../src/providers/seam/tag-info.ts';
import { fromSwrTag, readSwrTagPage } from '../../../../src/providers/swr/prune-tags/tag-page.ts';
import type { SwrTag } from '../../../../src/providers/swr/tags.ts';

const rowsOf = (text: string): TagInfo[] => {
  const table = readSwrTagPage(Buffer.from(text));
  return Array.from({ length: table.length }, (_, row) => table.tag(row));
};

const hex = (n: number) => `sha256:${n.toString(16).padStart(64, '0')}`;
const index = (...digests: string[]) => JSON.stringify({ manifests: digests.map((digest) => ({ digest })) });
const image = JSON.stringify({ schemaVersion: 2, config: { digest: hex(9) }, layers: [] });

/** SWR tag records as the API writes them, and as it might write them oddly. */
const swrRecord = fc.record(
  {
    Tag: fc.oneof(fc.constantFrom('v1', 'latest', 'build-7', 'é', 'a b', '../x'), fc.string(), fc.integer()),
    digest: fc.oneof(fc.nat().map(hex), fc.constantFrom('', 'sha256:short', 'SHA256:AB'), fc.constant(null)),
    updated: fc.constantFrom(
      '2026-01-01T00:00:00Z',
      '2025-01-01T00:00:00.123456',
      '2026-03-04 05:06:07',
      'x',
      '',
    ),
    created: fc.constantFrom('2025-06-01T00:00:00Z', undefined),
    size: fc.oneof(fc.nat(), fc.constant('12')),
    tag_type: fc.constantFrom(0, 1, 2),
    manifest: fc.oneof(
      fc.constant(image),
      fc.tuple(fc.nat(), fc.nat()).map(([a, b]) => index(hex(a), hex(b))),
      fc.constantFrom('oops', '', '{"manifests":"none"}', 12, null),
    ),
    path: fc.string(),
    is_trusted: fc.boolean(),
  },
  { requiredKeys: ['Tag'] },
);

describe('readSwrTagPage', () => {
  it('reads each record as fromSwrTag reads it after JSON.parse, over any records', () => {
    fc.assert(
      fc.property(fc.uniqueArray(swrRecord, { selector: (r) => String(r.Tag), maxLength: 30 }), (records) => {
        const text = JSON.stringify(records);
        const expected = (JSON.parse(text) as SwrTag[]).map((record) =>
          // fromSwrTag reads a manifest only as text: the page reader takes it only when it is one.
          fromSwrTag(typeof record.manifest === 'string' ? record : { ...record, manifest: undefined }),
        );
        expect(rowsOf(text)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('finds an index whose manifest spells "manifests" with escapes, whatever its tag_type says', () => {
    const escaped = `{\\"\\u006danifests\\":[{\\"digest\\":\\"${hex(2)}\\"}]}`;
    const [tag] = rowsOf(`[{"Tag":"multi","digest":"${hex(1)}","tag_type":0,"manifest":"${escaped}"}]`);
    expect(tag).toMatchObject({ name: 'multi', kind: 'list', children: [hex(2)] });
  });

  it('refuses a body that is not JSON', () => {
    expect(() => readSwrTagPage(Buffer.from('[{"Tag":"v1"},'))).toThrow(SyntaxError);
  });
});
