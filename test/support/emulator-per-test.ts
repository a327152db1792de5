import { afterEach } from 'vitest';
import { type Emulator, type EmulatorOptions, startEmulator } from '../emulator/index.ts';

/** A start function for the emulator of each test; the emulator a test started is closed after it. */
export function emulatorPerTest(): (options?: EmulatorOptions) => Promise<Emulator> {
  let running: Emulator | undefined;
  afterEach(async () => {
    await running?.close();
    running = undefined;
  });
  return async (options) => {
    running = await startEmulator(options);
    return running;
  };
}
