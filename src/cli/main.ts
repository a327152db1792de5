// Entry of dist/cli.js, the `registry-actions` command.
import { runCli } from './run-cli.ts';
import { processTerminal } from './terminal.ts';

process.exitCode = await runCli(process.argv.slice(2), { terminal: processTerminal, env: process.env });

/**
 * Never called: it puts into dist/cli.js, the npm package's only file, the libraries that src/ imports at
 * first use (undici, @actions/core, @actions/github). The action bundles load them from chunk files beside
 * their entries when a step first needs them; this import of each in the bundler's eager mode makes them
 * part of the CLI's own file instead, still evaluated only when first needed (the build refuses a CLI chunk).
 */
export const librariesInThisFile = () =>
  Promise.all([
    import(/* webpackMode: "eager" */ 'undici'),
    // biome-ignore lint/style/noRestrictedImports: bundled here, never called; src/core/iam/github-id-token.ts uses it.
    import(/* webpackMode: "eager" */ '@actions/core'),
    import(/* webpackMode: "eager" */ '@actions/github'),
  ]);
