import { afterEach } from 'vitest';

/** Wraps a start function (emulator, local server…) so that whatever a test starts is closed after it. */
export function closedAfterEach<A extends unknown[], T extends { close(): Promise<unknown> }>(
  start: (...args: A) => Promise<T>,
): (...args: A) => Promise<T> {
  const running: T[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((started) => started.close()));
  });
  return async (...args) => {
    const started = await start(...args);
    running.push(started);
    return started;
  };
}
