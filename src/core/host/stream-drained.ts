// Waiting for a stream that holds written text it could not hand on yet: a step that logs a million lines
// in one go would otherwise keep every line (and its write request) in memory until the reader caught up.
import type { Writable } from 'node:stream';

/** Resolves once `stream` has handed on what it holds (at once when it holds little), or can write no more. */
export function streamDrained(stream: Writable): Promise<void> {
  if (!stream.writableNeedDrain || stream.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done);
      stream.off('close', done);
      stream.off('error', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('close', done);
    // An error ends the wait; the stream reports it as it would have without the wait.
    stream.on('error', done);
  });
}
