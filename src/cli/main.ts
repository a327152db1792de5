// Entry of dist/cli.js, the `registry-actions` command.
import { runCli } from './run-cli.ts';
import { processTerminal } from './terminal.ts';

process.exitCode = await runCli(process.argv.slice(2), { terminal: processTerminal, env: process.env });
