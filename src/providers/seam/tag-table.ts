// A repository's listed tags held as columns of bytes and numbers instead of one object per tag: a million
// tags take tens of MB outside the JavaScript heap, and the garbage collector has nothing per tag to trace
// or to move. Rows are read back one field at a time (`name(row)`), or as a TagInfo when a caller wants one.
import { SHA256_DIGEST } from '../../core/registry/manifest-document.ts';
import { hashText, hashUnits } from '../../core/text/keyed-hash.ts';
import type { TagInfo } from './tag-info.ts';

const DIGEST_BYTES = 32;
/** Room for names made before any are known: "build-12345" and "v1.2.3-rc.1" are 11 bytes. */
const NAME_BYTES_PER_ROW = 16;
/** The most rows `reserve` makes room for at once (a listing's page cap: 10,000 pages of 100). */
const MAX_RESERVED_ROWS = 1_000_000;

/** Row flags. */
const LIST = 1;
/** The digest is '' (the registry reported none). */
const NO_DIGEST = 2;
/** The digest is not `sha256:` + 64 lower-case hex digits: kept as text in `#otherDigests`. */
const OTHER_DIGEST = 4;

/** Columns that grow by doubling. */
class Column<A extends Uint8Array | Uint32Array | Float64Array | Buffer> {
  data: A;
  readonly #create: (length: number) => A;

  constructor(data: A, create: (length: number) => A) {
    this.data = data;
    this.#create = create;
  }

  /** Makes room for index `at`: at least twice the room it had, or `exactly` that much. */
  reserve(at: number, room: 'doubled' | 'exactly' = 'doubled'): void {
    if (at < this.data.length) return;
    const grown = this.#create(room === 'exactly' ? at + 1 : Math.max(at + 1, this.data.length * 2));
    grown.set(this.data);
    this.data = grown;
  }

  /** Writes `values` from index `at` on, making room first. */
  copyIn(values: A, at: number): void {
    this.reserve(at + values.length - 1);
    this.data.set(values, at);
  }
}

export class TagTable {
  #rows = 0;
  /** ASCII names, back to back; a name with other characters is kept as text in `#otherNames`. */
  readonly #nameBytes: Column<Uint8Array>;
  /** Where each row's name ends in `#nameBytes` (it starts where the previous one ends). */
  readonly #nameEnds: Column<Uint32Array>;
  /** Buffers, so a digest is written and read in place as hex. */
  readonly #digests: Column<Buffer>;
  readonly #times: Column<Float64Array>;
  readonly #sizes: Column<Float64Array>;
  readonly #flags: Column<Uint8Array>;
  readonly #otherNames = new Map<number, string>();
  readonly #otherDigests = new Map<number, string>();
  readonly #children = new Map<number, readonly string[]>();
  readonly #refused = new Map<number, string>();

  /** An empty table with room for `rows` rows (one page of a listing, by default) before it must grow. */
  constructor(rows = 128) {
    const bytes = (n: number) => new Uint8Array(n);
    this.#nameBytes = new Column(bytes(rows * NAME_BYTES_PER_ROW), bytes);
    this.#nameEnds = new Column(new Uint32Array(rows), (n) => new Uint32Array(n));
    this.#digests = new Column(Buffer.alloc(rows * DIGEST_BYTES), (n) => Buffer.alloc(n));
    this.#times = new Column(new Float64Array(rows), (n) => new Float64Array(n));
    this.#sizes = new Column(new Float64Array(rows), (n) => new Float64Array(n));
    this.#flags = new Column(bytes(rows), bytes);
  }

  /**
   * Makes room for `rows` rows in all (a listing's total, once known), so the columns are not grown by
   * doubling, each growth leaving the smaller copy behind for the garbage collector.
   */
  reserve(claimed: number): void {
    // A count told by a server is not trusted with more memory than the largest listing it may take.
    const rows = Math.min(claimed, MAX_RESERVED_ROWS);
    const nameBytesPerRow = this.#rows === 0 ? NAME_BYTES_PER_ROW : this.#nameStart(this.#rows) / this.#rows;
    this.#nameBytes.reserve(Math.ceil(rows * nameBytesPerRow * 1.1) - 1, 'exactly');
    this.#nameEnds.reserve(rows - 1, 'exactly');
    this.#digests.reserve(rows * DIGEST_BYTES - 1, 'exactly');
    this.#times.reserve(rows - 1, 'exactly');
    this.#sizes.reserve(rows - 1, 'exactly');
    this.#flags.reserve(rows - 1, 'exactly');
  }

  /** A table of the given tags, in their order. */
  static of(tags: Iterable<TagInfo>): TagTable {
    const table = new TagTable();
    for (const tag of tags) table.push(tag);
    return table;
  }

  get length(): number {
    return this.#rows;
  }

  /** Appends one tag as the next row. */
  push(tag: TagInfo): void {
    const row = this.#rows++;
    this.#pushName(row, tag.name);
    this.#times.reserve(row);
    this.#times.data[row] = tag.updatedAt;
    this.#sizes.reserve(row);
    this.#sizes.data[row] = tag.size;
    this.#flags.reserve(row);
    this.#flags.data[row] = (tag.kind === 'list' ? LIST : 0) | this.#pushDigest(row, tag.digest);
    if (tag.children !== undefined) this.#children.set(row, tag.children);
    if (tag.refused !== undefined) this.#refused.set(row, tag.refused);
  }

  /** Appends every row of `other`, in its order (a listing's page joining the whole). */
  append(other: TagTable): void {
    const first = this.#rows;
    const count = other.#rows;
    const nameBase = this.#nameStart(first);
    this.#rows += count;
    this.#nameBytes.copyIn(other.#nameBytes.data.subarray(0, other.#nameStart(count)), nameBase);
    this.#nameEnds.copyIn(other.#nameEnds.data.subarray(0, count), first);
    const ends = this.#nameEnds.data;
    for (let row = first; row < first + count; row++) ends[row] = (ends[row] ?? 0) + nameBase;
    this.#digests.copyIn(other.#digests.data.subarray(0, count * DIGEST_BYTES), first * DIGEST_BYTES);
    this.#times.copyIn(other.#times.data.subarray(0, count), first);
    this.#sizes.copyIn(other.#sizes.data.subarray(0, count), first);
    this.#flags.copyIn(other.#flags.data.subarray(0, count), first);
    const rowMaps = [
      [this.#otherNames, other.#otherNames],
      [this.#otherDigests, other.#otherDigests],
      [this.#children, other.#children],
      [this.#refused, other.#refused],
    ] as const;
    for (const [mine, theirs] of rowMaps) {
      for (const [row, value] of theirs) (mine as Map<number, typeof value>).set(first + row, value);
    }
  }

  /** Every row's name, in row order. */
  *names(): Generator<string> {
    for (let row = 0; row < this.#rows; row++) yield this.name(row);
  }

  name(row: number): string {
    const other = this.#otherNames.get(row);
    if (other !== undefined) return other;
    const start = this.#nameStart(row);
    const end = this.#nameEnds.data[row] ?? start;
    const bytes = this.#nameBytes.data;
    return Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString('latin1');
  }

  /** Length of the name in UTF-16 code units, as `name(row).length`, without building it. */
  nameLength(row: number): number {
    const other = this.#otherNames.get(row);
    if (other !== undefined) return other.length;
    return (this.#nameEnds.data[row] ?? 0) - this.#nameStart(row);
  }

  digest(row: number): string {
    const flags = this.#flags.data[row] ?? 0;
    if (flags & NO_DIGEST) return '';
    if (flags & OTHER_DIGEST) return this.#otherDigests.get(row) ?? '';
    return `sha256:${this.#digests.data.toString('hex', row * DIGEST_BYTES, (row + 1) * DIGEST_BYTES)}`;
  }

  /** Whether the registry reported a digest (`digest(row) !== ''`), without building it. */
  hasDigest(row: number): boolean {
    return ((this.#flags.data[row] ?? 0) & NO_DIGEST) === 0;
  }

  /** A hash of the row's digest: rows whose digests compare equal hash alike. */
  digestHash(row: number): number {
    if (((this.#flags.data[row] ?? 0) & (NO_DIGEST | OTHER_DIGEST)) !== 0) return hashText(this.digest(row));
    // Every byte counts: digests are not always spread evenly (a registry may report made-up ones).
    return hashUnits(this.#digests.data, row * DIGEST_BYTES, (row + 1) * DIGEST_BYTES);
  }

  /** Orders rows by digest (any total order; equal digests compare 0), without building the texts. */
  compareDigests(a: number, b: number): number {
    const fa = (this.#flags.data[a] ?? 0) & (NO_DIGEST | OTHER_DIGEST);
    const fb = (this.#flags.data[b] ?? 0) & (NO_DIGEST | OTHER_DIGEST);
    if (fa !== 0 || fb !== 0) {
      if (fa !== fb) return fa - fb;
      const da = this.digest(a);
      const db = this.digest(b);
      return da < db ? -1 : da > db ? 1 : 0;
    }
    const bytes = this.#digests.data;
    for (let i = 0; i < DIGEST_BYTES; i++) {
      const d = (bytes[a * DIGEST_BYTES + i] ?? 0) - (bytes[b * DIGEST_BYTES + i] ?? 0);
      if (d !== 0) return d;
    }
    return 0;
  }

  updatedAt(row: number): number {
    return this.#times.data[row] ?? Number.NaN;
  }

  size(row: number): number {
    return this.#sizes.data[row] ?? 0;
  }

  kind(row: number): TagInfo['kind'] {
    return (this.#flags.data[row] ?? 0) & LIST ? 'list' : 'image';
  }

  children(row: number): readonly string[] | undefined {
    return this.#children.get(row);
  }

  refused(row: number): string | undefined {
    return this.#refused.get(row);
  }

  /** Rows whose names break the tag rules, in row order. */
  refusedRows(): number[] {
    return [...this.#refused.keys()].sort((a, b) => a - b);
  }

  /** Rows that are manifest lists, in row order. */
  listRows(): number[] {
    const rows: number[] = [];
    for (let row = 0; row < this.#rows; row++) if ((this.#flags.data[row] ?? 0) & LIST) rows.push(row);
    return rows;
  }

  /** One row as a TagInfo (a new object each call). */
  tag(row: number): TagInfo {
    const info: TagInfo = {
      name: this.name(row),
      digest: this.digest(row),
      updatedAt: this.updatedAt(row),
      size: this.size(row),
      kind: this.kind(row),
    };
    const children = this.#children.get(row);
    if (children !== undefined) info.children = children;
    const refused = this.#refused.get(row);
    if (refused !== undefined) info.refused = refused;
    return info;
  }

  /** A new table of `change(tag)` for each row, built row by row. */
  map(change: (tag: TagInfo, row: number) => TagInfo): TagTable {
    const table = new TagTable();
    for (let row = 0; row < this.#rows; row++) table.push(change(this.tag(row), row));
    return table;
  }

  /** Where a row's name starts in `#nameBytes`: where the previous row's ends. */
  #nameStart(row: number): number {
    return row === 0 ? 0 : (this.#nameEnds.data[row - 1] ?? 0);
  }

  #pushName(row: number, name: string): void {
    const start = this.#nameStart(row);
    let end = start;
    if (/^[\x00-\x7f]*$/.test(name)) {
      this.#nameBytes.reserve(start + name.length);
      for (let i = 0; i < name.length; i++) this.#nameBytes.data[end++] = name.charCodeAt(i);
    } else {
      this.#otherNames.set(row, name);
    }
    this.#nameEnds.reserve(row);
    this.#nameEnds.data[row] = end;
  }

  #pushDigest(row: number, digest: string): number {
    if (digest === '') return NO_DIGEST;
    if (!SHA256_DIGEST.test(digest)) {
      this.#otherDigests.set(row, digest);
      return OTHER_DIGEST;
    }
    this.#digests.reserve(row * DIGEST_BYTES + DIGEST_BYTES - 1);
    this.#digests.data.write(digest.slice(7), row * DIGEST_BYTES, DIGEST_BYTES, 'hex');
    return 0;
  }
}
