import { describe, expect, it } from 'vitest';
import type { TagInfo } from '../../../src/providers/seam/tag-info.ts';
import { TagTable } from '../../../src/providers/seam/tag-table.ts';

const sha = (n: number) => `sha256:${n.toString(16).padStart(64, '0')}`;

const tags: TagInfo[] = [
  { name: 'v1.0.0', digest: sha(0xabc), updatedAt: 1_700_000_000_123, size: 5_000_000_000, kind: 'image' },
  { name: 'multi', digest: sha(1), updatedAt: 0, size: 0, kind: 'list', children: [sha(2), 'sha512:x'] },
  { name: 'unread', digest: 'sha256:ABC', updatedAt: Number.NaN, size: 1, kind: 'list' },
  {
    name: '',
    digest: '',
    updatedAt: 2,
    size: 2,
    kind: 'image',
    refused: 'not a valid tag name: it is empty',
  },
  { name: 'réglé-✓\ud800', digest: 'sha512:short', updatedAt: 3, size: 3, kind: 'image' },
  { name: 'v1.0.0-copy', digest: sha(0xabc), updatedAt: 4, size: 4, kind: 'image' },
];

describe('TagTable', () => {
  it('gives back every field of every row as it was pushed', () => {
    const table = TagTable.of(tags);
    expect(table.length).toBe(tags.length);
    expect(tags.map((_, row) => table.tag(row))).toEqual(tags);
    expect(tags.map((_, row) => table.nameLength(row))).toEqual(tags.map((tag) => tag.name.length));
  });

  it('names refused rows and list rows in row order', () => {
    const table = TagTable.of(tags);
    expect(table.refusedRows()).toEqual([3]);
    expect(table.listRows()).toEqual([1, 2]);
  });

  it('compares digests as equal exactly when their texts are equal', () => {
    const table = TagTable.of(tags);
    for (let a = 0; a < tags.length; a++) {
      for (let b = 0; b < tags.length; b++) {
        const same = tags[a]?.digest === tags[b]?.digest;
        expect(table.compareDigests(a, b) === 0, `${a} vs ${b}`).toBe(same);
        expect(Math.sign(table.compareDigests(a, b)) + Math.sign(table.compareDigests(b, a))).toBe(0);
      }
    }
  });

  it('grows past its first allocation and maps row by row', () => {
    const many = TagTable.of(
      Array.from(
        { length: 5000 },
        (_, i): TagInfo => ({
          name: `build-${i}`,
          digest: sha(i),
          updatedAt: i,
          size: i,
          kind: 'image',
        }),
      ),
    );
    expect(many.tag(4999)).toEqual({
      name: 'build-4999',
      digest: sha(4999),
      updatedAt: 4999,
      size: 4999,
      kind: 'image',
    });
    const relabelled = many.map((tag, row) => (row === 7 ? { ...tag, kind: 'list', children: [] } : tag));
    expect(relabelled.tag(7)).toMatchObject({ name: 'build-7', kind: 'list', children: [] });
    expect(relabelled.listRows()).toEqual([7]);
  });

  it('appends another table row by row, with every field and side entry moved to its new row', () => {
    for (const split of [0, 1, 3, tags.length]) {
      const joined = TagTable.of(tags.slice(0, split));
      joined.append(TagTable.of(tags.slice(split)));
      joined.append(new TagTable());
      expect(Array.from({ length: joined.length }, (_, row) => joined.tag(row))).toEqual(tags);
      expect([...joined.names()]).toEqual(tags.map((tag) => tag.name));
      expect(joined.refusedRows()).toEqual([3]);
    }
    const many = new TagTable();
    const page = (from: number) =>
      TagTable.of(
        Array.from(
          { length: 100 },
          (_, i): TagInfo => ({
            ...tags[0],
            name: `b-${from + i}`,
            digest: sha(from + i),
            updatedAt: i,
            size: i,
            kind: 'image',
          }),
        ),
      );
    for (let from = 0; from < 3000; from += 100) many.append(page(from));
    expect(many.length).toBe(3000);
    expect(many.tag(2999)).toEqual({
      name: 'b-2999',
      digest: sha(2999),
      updatedAt: 99,
      size: 99,
      kind: 'image',
    });
    expect(many.name(1234)).toBe('b-1234');
  });

  it('makes room for a claimed total without losing rows, and trusts no claim past a million rows', () => {
    const table = TagTable.of(tags);
    table.reserve(50_000);
    table.reserve(Number.MAX_SAFE_INTEGER);
    table.append(TagTable.of([{ name: 'after', digest: sha(7), updatedAt: 7, size: 7, kind: 'image' }]));
    expect(Array.from({ length: table.length }, (_, row) => table.tag(row))).toEqual([
      ...tags,
      { name: 'after', digest: sha(7), updatedAt: 7, size: 7, kind: 'image' },
    ]);
  });
});
