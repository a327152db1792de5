// Reads a JSON array of objects (a listing page) keeping only the named fields of each object: the rest is
// checked as JSON and skipped without being built, so a page of large records (SWR's tags carry their whole
// manifest as text) costs a few short strings per record instead of every record's object tree. Accepts
// exactly what JSON.parse accepts (RFC 8259); anything else throws a SyntaxError.

const QUOTE = 0x22;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;

// The tokens as RFC 8259 writes them; sticky, so each matches only where a token is expected.
const WHITESPACE = /[ \t\n\r]*/y;
// A run of plain characters is taken whole and never given back (the lookahead and \1 make it atomic), so an
// unterminated string fails in linear time instead of trying every way to split the run.
const STRING = /"(?:(?=([^"\\\x00-\x1f]+))\1|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const LITERAL = /true|false|null/y;
/** A string's text up to its closing quote without any escape. */
const PLAIN_TO_QUOTE = /[^"\\]*"/y;

/** The wanted fields of the object being read: valid only inside the callback that receives it. */
export class PickedFields {
  readonly #keys: readonly string[];
  /** Start and end of each wanted field's value in the text; -1 when the object has no such field. */
  readonly #spans: Int32Array;
  #text = '';

  constructor(keys: readonly string[]) {
    this.#keys = keys;
    this.#spans = new Int32Array(keys.length * 2);
  }

  /** The value's JSON text as written (`"v1"`, `12`, `{…}`), or undefined when absent; cut from the page, so not to be kept. */
  raw(key: string): string | undefined {
    const at = this.#keys.indexOf(key);
    const start = this.#spans[at * 2] ?? -1;
    return start < 0 ? undefined : this.#text.slice(start, this.#spans[at * 2 + 1]);
  }

  /**
   * The value as JSON.parse gives it, or undefined when the field is absent. Always parsed, never cut from
   * the page: a string cut from the page's text would keep the whole page alive for as long as it is kept.
   */
  value(key: string): unknown {
    const raw = this.raw(key);
    return raw === undefined ? undefined : JSON.parse(raw);
  }

  /** Starts the next object of `text`: no field found yet. */
  reset(text: string): void {
    this.#text = text;
    this.#spans.fill(-1);
  }

  /** Offers the member whose key is the JSON string text[from, to) (quotes included) and whose value is at [valueStart, valueEnd). */
  found(from: number, to: number, valueStart: number, valueEnd: number): void {
    const text = this.#text;
    // Escapes can spell any key ("\u0054ag" is "Tag"): only the rare key that has them is decoded.
    const plain = tokenEnd(PLAIN_TO_QUOTE, text, from + 1) === to;
    const decoded = plain ? undefined : JSON.parse(text.slice(from, to));
    for (let at = 0; at < this.#keys.length; at++) {
      const key = this.#keys[at] ?? '';
      const matches = plain
        ? to - from - 2 === key.length && text.startsWith(key, from + 1)
        : decoded === key;
      if (!matches) continue;
      // A repeated key: the last one wins, as with JSON.parse.
      this.#spans[at * 2] = valueStart;
      this.#spans[at * 2 + 1] = valueEnd;
    }
  }
}

/** Where `token` ends when it matches `text` at `at`; undefined when it does not match there. */
function tokenEnd(token: RegExp, text: string, at: number): number | undefined {
  token.lastIndex = at;
  return token.test(text) ? token.lastIndex : undefined;
}

/**
 * Calls `onRecord` with the fields named `keys` of each element of the JSON array `text`, in order, and
 * returns how many there were. An element that is not an object gives a record with no fields; a body that
 * is valid JSON but not an array, or is empty, has no records.
 */
export function readPickedRecords(
  text: string,
  keys: readonly string[],
  onRecord: (fields: PickedFields) => void,
): number {
  const reader = new Reader(text);
  const fields = new PickedFields(keys);
  let records = 0;
  let at = reader.skipWhitespace(0);
  if (at === text.length) return 0;
  if (text.charCodeAt(at) !== OPEN_BRACKET) {
    reader.expectEnd(reader.skipValue(at));
    return 0;
  }
  at = reader.skipWhitespace(at + 1);
  if (text.charCodeAt(at) === CLOSE_BRACKET) {
    reader.expectEnd(at + 1);
    return 0;
  }
  for (;;) {
    fields.reset(text);
    at = reader.skipWhitespace(at);
    at = text.charCodeAt(at) === OPEN_BRACE ? reader.readObject(at, fields) : reader.skipValue(at);
    onRecord(fields);
    records++;
    at = reader.skipWhitespace(at);
    const next = text.charCodeAt(at);
    if (next === CLOSE_BRACKET) break;
    reader.expect(at, COMMA);
    at++;
  }
  reader.expectEnd(at + 1);
  return records;
}

/** Positions in one JSON text; every method returns where the thing it read ends. */
class Reader {
  readonly #text: string;
  /** The closers of the containers skipValue is inside, innermost last (empty between values). */
  readonly #open: number[] = [];

  constructor(text: string) {
    this.#text = text;
  }

  skipWhitespace(at: number): number {
    const c = this.#text.charCodeAt(at);
    // Compact JSON has none: the usual answer needs no match.
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) return at;
    return tokenEnd(WHITESPACE, this.#text, at) ?? at;
  }

  expect(at: number, code: number): void {
    if (this.#text.charCodeAt(at) !== code) this.#fail(at);
  }

  expectEnd(at: number): void {
    if (this.skipWhitespace(at) !== this.#text.length) this.#fail(at);
  }

  /** An object whose members are offered to `fields`; the values themselves are skipped. */
  readObject(at: number, fields: PickedFields): number {
    at = this.skipWhitespace(at + 1);
    if (this.#text.charCodeAt(at) === CLOSE_BRACE) return at + 1;
    for (;;) {
      const keyStart = this.skipWhitespace(at);
      this.expect(keyStart, QUOTE);
      const keyEnd = this.#skipString(keyStart);
      at = this.skipWhitespace(keyEnd);
      this.expect(at, COLON);
      const valueStart = this.skipWhitespace(at + 1);
      const valueEnd = this.skipValue(valueStart);
      fields.found(keyStart, keyEnd, valueStart, valueEnd);
      at = this.skipWhitespace(valueEnd);
      if (this.#text.charCodeAt(at) === CLOSE_BRACE) return at + 1;
      this.expect(at, COMMA);
      at++;
    }
  }

  /** One value of any kind; nesting is followed with a stack of its own, so depth cannot overflow the call stack. */
  skipValue(at: number): number {
    const open = this.#open;
    for (;;) {
      at = this.skipWhitespace(at);
      const c = this.#text.charCodeAt(at);
      if (c === OPEN_BRACE || c === OPEN_BRACKET) {
        const close = c === OPEN_BRACE ? CLOSE_BRACE : CLOSE_BRACKET;
        at = this.skipWhitespace(at + 1);
        if (this.#text.charCodeAt(at) === close) {
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
        const next = this.#text.charCodeAt(at);
        if (next === close) {
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
    at = this.skipWhitespace(at);
    this.expect(at, QUOTE);
    at = this.skipWhitespace(this.#skipString(at));
    this.expect(at, COLON);
    return at + 1;
  }

  #skipScalar(at: number): number {
    const c = this.#text.charCodeAt(at);
    const token = c === QUOTE ? STRING : (c >= 0x30 && c <= 0x39) || c === 0x2d ? NUMBER : LITERAL;
    return tokenEnd(token, this.#text, at) ?? this.#fail(at);
  }

  #skipString(at: number): number {
    return tokenEnd(STRING, this.#text, at) ?? this.#fail(at);
  }

  #fail(at: number): never {
    throw new SyntaxError(`not JSON: unexpected ${at < this.#text.length ? 'character' : 'end'} at ${at}`);
  }
}
