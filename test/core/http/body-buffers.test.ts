import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BodyBuffer } from '../../../src/core/http/body-buffers.ts';
import { rawResponse } from '../../../src/core/http/send-once.ts';

describe('BodyBuffer', () => {
  it('holds exactly the chunks appended, in order, however they grow it and whatever it held before', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.uint8Array({ maxLength: 70_000 }), { maxLength: 4 }), {
          minLength: 1,
          maxLength: 6,
        }),
        fc.nat({ max: 200_000 }),
        (bodies, expected) => {
          // One body after another, each released: later ones get the spares of earlier ones.
          for (const chunks of bodies) {
            const body = new BodyBuffer(expected);
            for (const chunk of chunks) body.append(chunk);
            expect(Buffer.compare(body.bytes, Buffer.concat(chunks))).toBe(0);
            expect(body.size).toBe(body.bytes.length);
            body.release();
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it('gives a released buffer to the next body, which sees none of the old bytes', () => {
    const first = new BodyBuffer(10);
    first.append(Buffer.from('{"password":"Sup3rSecret"}'));
    first.release();
    const second = new BodyBuffer(10);
    second.append(Buffer.from('[]'));
    expect(second.bytes.toString()).toBe('[]');
    second.release();
  });
});

describe('rawResponse', () => {
  it('refuses to read a body after it was released, but keeps a text read before', () => {
    let released = 0;
    const read = rawResponse(200, {}, Buffer.from('{"a":1}'), () => released++);
    expect(read.text).toBe('{"a":1}');
    read.release();
    expect(released).toBe(1);
    expect(read.text).toBe('{"a":1}');
    expect(() => read.bytes).toThrow('released');
    const unread = rawResponse(200, {}, Buffer.from('{}'));
    unread.release();
    expect(() => unread.text).toThrow('released');
  });
});
