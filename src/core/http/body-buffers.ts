// Response bodies are read into buffers that are used again: a listing of a million tags reads ~10,000
// bodies of ~100 KB, and a new buffer for each would be memory outside the JavaScript heap that only a
// full collection frees, so it piles up between collections (and each collection it forces makes V8 grow
// its young generation). A handful of spares covers every request in flight.

/** Spares kept, and the largest buffer worth keeping (a rare huge body is not held for the whole run). */
const SPARES_KEPT = 32;
const LARGEST_KEPT = 1024 * 1024;
const SMALLEST = 64 * 1024;

const spares: Buffer[] = [];

/** The bytes of one body as they arrive; `release()` gives the buffer back once nothing reads `bytes` any more. */
export class BodyBuffer {
  #buffer: Buffer;
  #size = 0;

  constructor(expectedBytes = 0) {
    this.#buffer = takeSpare(expectedBytes);
  }

  append(chunk: Uint8Array): void {
    const needed = this.#size + chunk.byteLength;
    if (needed > this.#buffer.length) {
      const bigger = takeSpare(Math.max(needed, this.#buffer.length * 2));
      bigger.set(this.#buffer.subarray(0, this.#size));
      giveBack(this.#buffer);
      this.#buffer = bigger;
    }
    this.#buffer.set(chunk, this.#size);
    this.#size = needed;
  }

  get size(): number {
    return this.#size;
  }

  /** The body so far: valid until `release()`. */
  get bytes(): Buffer {
    return this.#buffer.subarray(0, this.#size);
  }

  release(): void {
    giveBack(this.#buffer);
    this.#buffer = Buffer.alloc(0);
    this.#size = 0;
  }
}

function takeSpare(minimum: number): Buffer {
  const at = spares.findIndex((spare) => spare.length >= minimum);
  if (at >= 0) return spares.splice(at, 1)[0] ?? Buffer.allocUnsafeSlow(minimum);
  // Never exposed beyond what was written into it, so it need not be zeroed.
  return Buffer.allocUnsafeSlow(Math.max(minimum, SMALLEST));
}

function giveBack(buffer: Buffer): void {
  if (buffer.length > 0 && buffer.length <= LARGEST_KEPT && spares.length < SPARES_KEPT) spares.push(buffer);
}
