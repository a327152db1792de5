// `npm run emulator -- --port N`: serves the emulator; the first stdout line is EMULATOR_URL=<url>.
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
  const stop = () => {
    emulator.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`emulator: ${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
  process.exit(2);
});
