// Entry of dist/cli.js, the `registry-actions` command.
import { runCli } from './run-cli.ts';
import { processTerminal } from './terminal.ts';

process.exitCode = await runCli(process.argv.slice(2), { terminal: processTerminal, env: process.env });

/**
 * Never called: it puts into dist/cli.js, the npm package's only file, what src/ imports at first use: the
 * libraries (undici's agent, @actions/core, @actions/github) and the providers' clients and sessions, which an action
 * loads once its inputs are valid. The action bundles load them from chunk files beside their entries when a
 * step first needs them; this import of each in the bundler's eager mode makes them part of the CLI's own file
 * instead, still evaluated only when first needed (the build refuses a CLI chunk, so one missing here fails it).
 */
export const librariesInThisFile = () =>
  Promise.all([
    import(/* webpackMode: "eager" */ '../core/http/undici-agent.ts'),
    // biome-ignore lint/style/noRestrictedImports: bundled here, never called; src/core/iam/github-id-token.ts uses it.
    import(/* webpackMode: "eager" */ '@actions/core'),
    import(/* webpackMode: "eager" */ '@actions/github'),
    import(/* webpackMode: "eager" */ '../providers/swr/connect.ts'),
    import(/* webpackMode: "eager" */ '../providers/swr/ensure-namespace/session.ts'),
    import(/* webpackMode: "eager" */ '../providers/swr/prune-tags/tag-registry.ts'),
    import(/* webpackMode: "eager" */ '../providers/swr/prune-tags/retention-apply.ts'),
    import(/* webpackMode: "eager" */ '../providers/ccr/connect.ts'),
    import(/* webpackMode: "eager" */ '../providers/ccr/ensure-namespace/session.ts'),
    import(/* webpackMode: "eager" */ '../providers/ccr/tag-registry.ts'),
    import(/* webpackMode: "eager" */ '../providers/ccr/instance-allowlist.ts'),
    import(/* webpackMode: "eager" */ '../providers/ccr/temporary-login.ts'),
  ]);
