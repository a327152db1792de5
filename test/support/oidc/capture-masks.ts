// Collects the `::add-mask::` commands a piece of code sends to the runner on stdout.
import { vi } from 'vitest';

/** Runs fn and returns its result with the values it registered through `::add-mask::`. */
export async function captureMasks<T>(fn: () => Promise<T> | T): Promise<{ result: T; masks: string[] }> {
  const chunks: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    chunks.push(String(chunk));
    return true;
  });
  try {
    const result = await fn();
    return { result, masks: maskValues(chunks.join('')) };
  } finally {
    spy.mockRestore();
  }
}

function maskValues(stdout: string): string[] {
  return stdout
    .split(/\r?\n/)
    .filter((line) => line.startsWith('::add-mask::'))
    .map((line) =>
      line.slice('::add-mask::'.length).replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%'),
    );
}
