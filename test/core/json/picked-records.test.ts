import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readPickedRecords } from '../../../src/core/json/picked-records.ts';

/** What readPickedRecords reads of `text` sent as UTF-8: per element, each wanted key's value (absent keys left out). */
function picked(text: string, keys: readonly string[]): Record<string, unknown>[] {
  return pickedBytes(Buffer.from(text), keys);
}

function pickedBytes(body: Uint8Array, keys: readonly string[]): Record<string, unknown>[] {
  const records: Record<string, unknown>[] = [];
  const count = readPickedRecords(body, keys, (fields) => {
    const record: Record<string, unknown> = {};
    for (const key of keys) if (fields.raw(key) !== undefined) record[key] = fields.value(key);
    records.push(record);
  });
  expect(count).toBe(records.length);
  return records;
}

/** The same, computed with JSON.parse of the bytes decoded as a client decodes them: the oracle. */
function parsedThenPicked(sent: string, keys: readonly string[]): Record<string, unknown>[] {
  const text = Buffer.from(sent).toString('utf8');
  // Only an empty body (or JSON's own whitespace) is no records; JSON.parse refuses any other blank ("\v").
  const value: unknown = /^[ \t\n\r]*$/.test(text) ? undefined : JSON.parse(text);
  if (!Array.isArray(value)) return [];
  return value.map((element: unknown) => {
    const record: Record<string, unknown> = {};
    if (element === null || typeof element !== 'object' || Array.isArray(element)) return record;
    for (const key of keys)
      if (Object.hasOwn(element, key)) record[key] = (element as Record<string, unknown>)[key];
    return record;
  });
}

const KEYS = ['Tag', 'digest', 'size', 'manifest', 'a'] as const;

/** Any JSON value whose objects often use the wanted keys. */
const jsonValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom(null, true, false),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.integer(),
    fc.string({ unit: 'binary' }),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.constantFrom(...KEYS), fc.string()), tie('value'), { maxKeys: 5 }),
  ),
})).value;

/** JSON text with whitespace of every allowed kind between tokens, as JSON.stringify with indent gives. */
const jsonText = fc
  .tuple(jsonValue, fc.constantFrom(undefined, 1, '\t', ' \r\n'))
  .map(([value, indent]) => JSON.stringify(value, null, indent as string | number | undefined) ?? 'null');

describe('readPickedRecords', () => {
  it('reads the wanted fields of each object of an array, as JSON.parse does', () => {
    const text = `[ {"Tag":"v1","digest":"sha256:ab","size":12,"manifest":"{\\"manifests\\":[]}","x":{"Tag":"no"}},
      {"a":[1,{"b":[]}],"Tag":"v\\u00e9"}, 7, {"Tag":"first","Tag":"last"} ]`;
    expect(picked(text, KEYS)).toEqual([
      { Tag: 'v1', digest: 'sha256:ab', size: 12, manifest: '{"manifests":[]}' },
      { a: [1, { b: [] }], Tag: 'vé' },
      {},
      { Tag: 'last' },
    ]);
  });

  it('gives the raw JSON text of a field as written', () => {
    const raws: (string | undefined)[] = [];
    const probes: boolean[] = [];
    const body = Buffer.from('[{"manifest":"{\\"a\\":1}","size":1e3}]');
    readPickedRecords(body, ['manifest', 'size', 'Tag'], (fields) => {
      raws.push(fields.raw('manifest'), fields.raw('size'), fields.raw('Tag'));
      probes.push(
        fields.rawStartsWith('manifest', '"{'),
        fields.rawStartsWith('size', '"'),
        fields.rawIncludes('manifest', '\\"a'),
        fields.rawIncludes('manifest', 'size'),
        fields.rawIncludes('Tag', ''),
      );
    });
    expect(raws).toEqual(['"{\\"a\\":1}"', '1e3', undefined]);
    expect(probes).toEqual([true, false, true, false, false]);
  });

  it('matches keys written with escapes, as JSON.parse does', () => {
    expect(picked('[{"\\u0054ag":"v1","T\\u0061g2":"x"}]', ['Tag'])).toEqual([{ Tag: 'v1' }]);
  });

  it('has no records in an empty body, an empty array or JSON that is not an array', () => {
    for (const text of ['', '  \n', '[]', ' [ ] ', '{"Tag":"v1"}', '"x"', 'null']) {
      expect(picked(text, KEYS)).toEqual([]);
    }
  });

  it('refuses what JSON.parse refuses', () => {
    const bad = [
      '[',
      '[{]',
      '[{"a":1,}]',
      '[1,]',
      '[01]',
      '[1.]',
      '["\\x"]',
      '["a\nb"]',
      '[tru]',
      '\v',
      '\u00a0[]',
      '[] x',
      '[{"a" 1}]',
      '[-]',
      '["\\u12G4"]',
      '[1e]',
      '[{"a":1}{"b":2}]',
      '\uFEFF[]',
      '[NaN]',
      "['a']",
    ];
    for (const text of bad) {
      expect(() => JSON.parse(text), text).toThrow(SyntaxError);
      expect(() => readPickedRecords(Buffer.from(text), KEYS, () => {}), text).toThrow(SyntaxError);
    }
  });

  it('skips nesting deeper than the call stack allows', () => {
    const deep = `[{"a":1,"x":${'['.repeat(200_000)}${']'.repeat(200_000)}}]`;
    expect(picked(deep, KEYS)).toEqual([{ a: 1 }]);
  });

  it('agrees with JSON.parse on any JSON text, and on any text cut or changed from one', () => {
    fc.assert(
      fc.property(jsonText, (text) => {
        expect(picked(text, KEYS)).toEqual(parsedThenPicked(text, KEYS));
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(jsonText, fc.nat(), fc.string({ maxLength: 2 }), (text, at, insert) => {
        const changed =
          text.slice(0, at % (text.length + 1)) + insert + text.slice((at % (text.length + 1)) + 1);
        let expected: Record<string, unknown>[] | 'refused';
        try {
          expected = parsedThenPicked(changed, KEYS);
        } catch {
          expected = 'refused';
        }
        if (expected === 'refused') expect(() => picked(changed, KEYS)).toThrow(SyntaxError);
        else expect(picked(changed, KEYS)).toEqual(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it('agrees with JSON.parse of the decoded text on any bytes changed in a JSON text, malformed UTF-8 included', () => {
    fc.assert(
      fc.property(jsonText, fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 3 }), (text, at, insert) => {
        const sent = Buffer.from(text);
        const cut = at % (sent.length + 1);
        const changed = Buffer.concat([sent.subarray(0, cut), insert, sent.subarray(cut + 1)]);
        let expected: Record<string, unknown>[] | 'refused';
        try {
          expected = parsedThenPicked(changed.toString('utf8'), KEYS);
        } catch {
          expected = 'refused';
        }
        const read = () => pickedBytes(changed, KEYS);
        if (expected === 'refused') expect(read).toThrow(SyntaxError);
        else expect(read()).toEqual(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it('takes malformed UTF-8 inside a string as the decoder does, and refuses any byte above 0x7f outside one', () => {
    const body = Buffer.concat([
      Buffer.from('[{"Tag":"a'),
      Buffer.from([0xe2, 0x82]),
      Buffer.from('","size":1}]'),
    ]);
    expect(pickedBytes(body, KEYS)).toEqual([{ Tag: 'a\ufffd', size: 1 }]);
    const outside = Buffer.concat([Buffer.from('[{"size":1}'), Buffer.from([0xc2, 0xa0]), Buffer.from(']')]);
    expect(() => pickedBytes(outside, KEYS)).toThrow(SyntaxError);
  });
});
