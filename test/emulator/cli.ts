// `npm run -s emulator -- --port N`: serves the emulator; the first stdout line is EMULATOR_URL=<url>
// (npm's `-s` keeps its banner off stdout). SIGINT, SIGTERM and SIGHUP close it; the npm script `exec`s
// node, so a signal sent to npm reaches this process instead of stopping at an intermediate shell.
import { parseCliArgs, USAGE } from './cli-args.ts';
import { startEmulator } from './index.ts';

async function main(): Promise<void> {
  const parsed = parseCliArgs(process.argv.slice(2));
  if (parsed.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const emulator = await startEmulator(parsed.options);
  process.stdout.write(`EMULATOR_URL=${emulator.url}\n`);
  process.stderr.write(`emulator: admin endpoint ${emulator.url}/__admin/state; Ctrl-C to stop\n`);
  const stop = (signal: NodeJS.Signals) => {
    emulator.close().then(() => {
      process.stderr.write(`emulator: ${signal}: stopped\n`);
      process.exit(0);
    });
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`emulator: ${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
  process.exit(2);
});
