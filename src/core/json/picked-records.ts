// Reads a JSON array of objects (a listing page) from its bytes keeping only the named fields of each object:
// the rest is checked as JSON and skipped without being built, so a page of large records (SWR's tags carry
// their whole manifest as text) costs a few short strings per record, not its records' object trees nor the
// page as one long string. Accepts exactly what JSON.parse accepts of the bytes decoded as UTF-8 (RFC 8259);
// anything else throws a SyntaxError. Bytes of 0x80 and above only occur inside strings, where any is
// allowed: decoding turns a malformed sequence into U+FFFD and never swallows the ASCII byte after it.

const TAB = 0x09;
const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const SPACE = 0x20;
const QUOTE = 0x22;
const PLUS = 0x2b;
const COMMA = 0x2c;
const MINUS = 0x2d;
const DOT = 0x2e;
const ZERO = 0x30;
const NINE = 0x39;
const COLON = 0x3a;
const OPEN_BRACKET = 0x5b;
const BACKSLASH = 0x5c;
const CLOSE_BRACKET = 0x5d;
const LOWER_E = 0x65;
const UPPER_E = 0x45;
const LOWER_U = 0x75;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;

/** The characters that may follow a backslash, besides `u` (`"\/bfnrt`). */
const SHORT_ESCAPES = new Set([...'"\\/bfnrt'].map((c) => c.charCodeAt(0)));
const LITERALS = ['true', 'false', 'null'];

/** The wanted fields of the object being read: valid only inside the callback that receives it. */
export class PickedFields {
  readonly #keys: readonly string[];
  /** Start and end of each wanted field's value in the bytes; -1 when the object has no such field. */
  readonly #spans: Int32Array;
  #bytes: Buffer = Buffer.alloc(0);

  constructor(keys: readonly string[]) {
    this.#keys = keys;
    this.#spans = new Int32Array(keys.length * 2);
  }

  /** The value's JSON text as written (`"v1"`, `12`, `{…}`), or undefined when absent. */
  raw(key: string): string | undefined {
    const at = this.#at(key);
    return at < 0 ? undefined : this.#bytes.toString('utf8', this.#start(at), this.#end(at));
  }

  /** The value as JSON.parse gives it, or undefined when the field is absent. */
  value(key: string): unknown {
    const at = this.#at(key);
    if (at < 0) return undefined;
    const start = this.#start(at);
    const end = this.#end(at);
    // Most values are strings of printable ASCII without escapes: those are their bytes, as they are.
    if (this.#bytes[start] === QUOTE && isPlainAscii(this.#bytes, start + 1, end - 1))
      return this.#bytes.toString('latin1', start + 1, end - 1);
    return JSON.parse(this.#bytes.toString('utf8', start, end));
  }

  /** Whether the value's JSON text starts with `prefix` (ASCII), without decoding it. */
  rawStartsWith(key: string, prefix: string): boolean {
    const at = this.#at(key);
    if (at < 0) return false;
    const start = this.#start(at);
    return (
      start + prefix.length <= this.#end(at) && spells(this.#bytes, start, start + prefix.length, prefix)
    );
  }

  /** Whether the value's JSON text contains `part` (ASCII), without decoding it. */
  rawIncludes(key: string, part: string): boolean {
    const at = this.#at(key);
    if (at < 0) return false;
    const [bytes, start, end] = [this.#bytes, this.#start(at), this.#end(at)];
    // From one occurrence of the first character to the next (native searches), within the value only.
    const first = part.charCodeAt(0);
    for (
      let from = bytes.indexOf(first, start);
      from >= 0 && from + part.length <= end;
      from = bytes.indexOf(first, from + 1)
    )
      if (spells(bytes, from, from + part.length, part)) return true;
    return part === '';
  }

  /** Starts the next object of `bytes`: no field found yet. */
  reset(bytes: Buffer): void {
    this.#bytes = bytes;
    this.#spans.fill(-1);
  }

  /** Offers the member whose key is the JSON string bytes[from, to) (quotes included) and whose value is at [valueStart, valueEnd). */
  found(from: number, to: number, valueStart: number, valueEnd: number): void {
    const bytes = this.#bytes;
    // Escapes can spell any key ("\u0054ag" is "Tag"): only the rare key that has them is decoded.
    let escaped = false;
    for (let at = from + 1; at < to - 1 && !escaped; at++) escaped = bytes[at] === BACKSLASH;
    const decoded = escaped ? JSON.parse(bytes.toString('utf8', from, to)) : undefined;
    for (let at = 0; at < this.#keys.length; at++) {
      const key = this.#keys[at] ?? '';
      const matches = escaped ? decoded === key : spells(bytes, from + 1, to - 1, key);
      if (!matches) continue;
      // A repeated key: the last one wins, as with JSON.parse.
      this.#spans[at * 2] = valueStart;
      this.#spans[at * 2 + 1] = valueEnd;
    }
  }

  /** The key's place in `#spans`, or -1 when the object has no such field (or the key is not wanted). */
  #at(key: string): number {
    const at = this.#keys.indexOf(key);
    return at >= 0 && (this.#spans[at * 2] ?? -1) >= 0 ? at : -1;
  }

  #start(at: number): number {
    return this.#spans[at * 2] ?? 0;
  }

  #end(at: number): number {
    return this.#spans[at * 2 + 1] ?? 0;
  }
}

/** Whether bytes[from, to) are all printable ASCII other than the backslash. */
function isPlainAscii(bytes: Uint8Array, from: number, to: number): boolean {
  for (let at = from; at < to; at++) {
    const c = bytes[at] ?? 0;
    if (c < SPACE || c >= 0x7f || c === BACKSLASH) return false;
  }
  return true;
}

/** Whether bytes[from, to) are the ASCII word's characters. */
function spells(bytes: Uint8Array, from: number, to: number, word: string): boolean {
  if (to - from !== word.length) return false;
  for (let i = 0; i < word.length; i++) if (bytes[from + i] !== word.charCodeAt(i)) return false;
  return true;
}

/**
 * Calls `onRecord` with the fields named `keys` of each element of the JSON array in `body`, in order, and
 * returns how many there were. An element that is not an object gives a record with no fields; a body that
 * is valid JSON but not an array, or is empty, has no records.
 */
export function readPickedRecords(
  body: Uint8Array,
  keys: readonly string[],
  onRecord: (fields: PickedFields) => void,
): number {
  const bytes = Buffer.isBuffer(body) ? body : Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const reader = new Reader(bytes);
  const fields = new PickedFields(keys);
  let records = 0;
  let at = reader.skipWhitespace(0);
  if (at === bytes.length) return 0;
  if (bytes[at] !== OPEN_BRACKET) {
    reader.expectEnd(reader.skipValue(at));
    return 0;
  }
  at = reader.skipWhitespace(at + 1);
  if (bytes[at] === CLOSE_BRACKET) {
    reader.expectEnd(at + 1);
    return 0;
  }
  for (;;) {
    fields.reset(bytes);
    at = reader.skipWhitespace(at);
    at = bytes[at] === OPEN_BRACE ? reader.readObject(at, fields) : reader.skipValue(at);
    onRecord(fields);
    records++;
    at = reader.skipWhitespace(at);
    if (bytes[at] === CLOSE_BRACKET) break;
    reader.expect(at, COMMA);
    at++;
  }
  reader.expectEnd(at + 1);
  return records;
}

/** Positions in one JSON text's bytes; every method returns where the thing it read ends. */
class Reader {
  readonly #bytes: Buffer;
  /** The closers of the containers skipValue is inside, innermost last (empty between values). */
  readonly #open: number[] = [];

  constructor(bytes: Buffer) {
    this.#bytes = bytes;
  }

  skipWhitespace(at: number): number {
    const bytes = this.#bytes;
    for (;;) {
      const c = bytes[at];
      if (c !== SPACE && c !== LINE_FEED && c !== CARRIAGE_RETURN && c !== TAB) return at;
      at++;
    }
  }

  expect(at: number, code: number): void {
    if (this.#bytes[at] !== code) this.#fail(at);
  }

  expectEnd(at: number): void {
    if (this.skipWhitespace(at) !== this.#bytes.length) this.#fail(at);
  }

  /** An object whose members are offered to `fields`; the values themselves are skipped. */
  readObject(at: number, fields: PickedFields): number {
    at = this.skipWhitespace(at + 1);
    if (this.#bytes[at] === CLOSE_BRACE) return at + 1;
    for (;;) {
      const keyStart = this.skipWhitespace(at);
      const keyEnd = this.#skipString(keyStart);
      at = this.skipWhitespace(keyEnd);
      this.expect(at, COLON);
      const valueStart = this.skipWhitespace(at + 1);
      const valueEnd = this.skipValue(valueStart);
      fields.found(keyStart, keyEnd, valueStart, valueEnd);
      at = this.skipWhitespace(valueEnd);
      if (this.#bytes[at] === CLOSE_BRACE) return at + 1;
      this.expect(at, COMMA);
      at++;
    }
  }

  /** One value of any kind; nesting is followed with a stack of its own, so depth cannot overflow the call stack. */
  skipValue(at: number): number {
    const bytes = this.#bytes;
    const open = this.#open;
    for (;;) {
      at = this.skipWhitespace(at);
      const c = bytes[at];
      if (c === OPEN_BRACE || c === OPEN_BRACKET) {
        const close = c === OPEN_BRACE ? CLOSE_BRACE : CLOSE_BRACKET;
        at = this.skipWhitespace(at + 1);
        if (bytes[at] === close) {
          at++;
        } else {
          open.push(close);
          if (close === CLOSE_BRACE) at = this.#skipKey(at);
          continue;
        }
      } else {
        at = this.#skipScalar(at);
      }
      // After a value: commas lead to the next one; closers end containers until one continues.
      for (;;) {
        const close = open.at(-1);
        if (close === undefined) return at;
        at = this.skipWhitespace(at);
        if (bytes[at] === close) {
          open.pop();
          at++;
          continue;
        }
        this.expect(at, COMMA);
        at = close === CLOSE_BRACE ? this.#skipKey(at + 1) : at + 1;
        break;
      }
    }
  }

  /** `"key" :` inside an object; returns where its value may start. */
  #skipKey(at: number): number {
    at = this.skipWhitespace(this.#skipString(this.skipWhitespace(at)));
    this.expect(at, COLON);
    return at + 1;
  }

  #skipScalar(at: number): number {
    const c = this.#bytes[at];
    if (c === QUOTE) return this.#skipString(at);
    if (isDigit(c) || c === MINUS) return this.#skipNumber(at);
    for (const word of LITERALS) if (spells(this.#bytes, at, at + word.length, word)) return at + word.length;
    return this.#fail(at);
  }

  /** `"…"`: no raw control character; a backslash starts one of the escapes RFC 8259 allows. */
  #skipString(at: number): number {
    const bytes = this.#bytes;
    this.expect(at, QUOTE);
    at++;
    for (;;) {
      const c = bytes[at];
      if (c === QUOTE) return at + 1;
      if (c === undefined || c < SPACE) this.#fail(at);
      if (c !== BACKSLASH) {
        at++;
      } else if (bytes[at + 1] === LOWER_U) {
        for (let i = 2; i < 6; i++) if (!isHexDigit(bytes[at + i])) this.#fail(at + i);
        at += 6;
      } else {
        if (!SHORT_ESCAPES.has(bytes[at + 1] ?? -1)) this.#fail(at + 1);
        at += 2;
      }
    }
  }

  /** `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?` */
  #skipNumber(at: number): number {
    const bytes = this.#bytes;
    if (bytes[at] === MINUS) at++;
    if (bytes[at] === ZERO) at++;
    else at = this.#skipDigits(at);
    if (bytes[at] === DOT) at = this.#skipDigits(at + 1);
    if (bytes[at] === LOWER_E || bytes[at] === UPPER_E) {
      at++;
      if (bytes[at] === PLUS || bytes[at] === MINUS) at++;
      at = this.#skipDigits(at);
    }
    return at;
  }

  /** One digit or more. */
  #skipDigits(at: number): number {
    if (!isDigit(this.#bytes[at])) this.#fail(at);
    do at++;
    while (isDigit(this.#bytes[at]));
    return at;
  }

  #fail(at: number): never {
    throw new SyntaxError(`not JSON: unexpected ${at < this.#bytes.length ? 'byte' : 'end'} at ${at}`);
  }
}

function isDigit(c: number | undefined): boolean {
  return c !== undefined && c >= ZERO && c <= NINE;
}

function isHexDigit(c: number | undefined): boolean {
  return c !== undefined && ((c >= ZERO && c <= NINE) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x66));
}
