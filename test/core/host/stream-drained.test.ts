import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { streamDrained } from '../../../src/core/host/stream-drained.ts';

/** A stream that holds what it is given until `release()`, taking at most 16 bytes before asking to wait. */
function heldStream() {
  const pending: (() => void)[] = [];
  const stream = new Writable({
    highWaterMark: 16,
    write: (_chunk, _encoding, callback) => pending.push(callback),
  });
  const release = () => {
    for (let next = pending.shift(); next; next = pending.shift()) next();
  };
  return { stream, release };
}

describe('streamDrained', () => {
  it('resolves at once while the stream holds little', async () => {
    const { stream } = heldStream();
    stream.write('short');
    await expect(streamDrained(stream)).resolves.toBeUndefined();
  });

  it('waits until a stream past its mark has handed its text on', async () => {
    const { stream, release } = heldStream();
    for (let i = 0; i < 10; i++) stream.write('a line of the plan\n');
    let done = false;
    const waiting = streamDrained(stream).then(() => {
      done = true;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(done).toBe(false);
    while (stream.writableLength > 0) {
      release();
      await new Promise((resolve) => setImmediate(resolve));
    }
    await waiting;
    expect(done).toBe(true);
    expect(stream.listenerCount('error')).toBe(0);
  });

  it('ends the wait when the stream is destroyed instead of draining', async () => {
    const { stream } = heldStream();
    for (let i = 0; i < 10; i++) stream.write('a line of the plan\n');
    const waiting = streamDrained(stream);
    stream.destroy();
    await expect(waiting).resolves.toBeUndefined();
  });
});
