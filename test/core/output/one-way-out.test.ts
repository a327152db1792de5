// The project's own rule, checked on its source: text leaves only through the escaping helpers, and
// values enter request paths only through the path builder. (biome's noRestrictedImports says the first
// in the editor; this test also catches the ways around an import.)
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../harness/runner.ts';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : [],
  );
}

const files = sourceFiles(join(repoRoot, 'src')).map((file) => ({
  path: relative(repoRoot, file),
  text: readFileSync(file, 'utf8'),
}));

/**
 * Files that may use @actions/core: the runner's OIDC token (the host speaks the step protocol itself), and
 * the CLI entry's never-called import that puts the library into dist/cli.js instead of a chunk file.
 */
const CORE_USERS = ['src/core/iam/github-id-token.ts', 'src/cli/main.ts'];
/** Files that write the runner's step protocol to stdout. */
const RUNNER_PROTOCOL = ['src/core/host/github-host.ts', 'src/core/host/runner-commands.ts'];

describe('one way out for untrusted text', () => {
  it('only the output modules import @actions/core', () => {
    const users = files.filter((file) =>
      /from '@actions\/core'|(require|import)\((\/\*.*?\*\/ )?'@actions\/core'\)/.test(file.text),
    );
    expect(users.map((file) => file.path).sort()).toEqual([...CORE_USERS].sort());
  });

  it("nothing writes to stdout or stderr but the runner host behind the log module, and the CLI's terminal", () => {
    const writers = files.filter((file) =>
      /\bconsole\.\w+\(|process\.(stdout|stderr)\.write/.test(file.text),
    );
    expect(writers.map((file) => file.path).sort()).toEqual(
      ['src/cli/terminal.ts', ...RUNNER_PROTOCOL].sort(),
    );
  });

  it('the modules that may use @actions/core log only through Shown text', () => {
    const logCalls = files
      .filter((file) => file.path !== 'src/core/host/github-host.ts')
      .filter((file) =>
        /\bcore\.(info|warning|error|notice|debug|startGroup|setFailed)\(|core\.summary\.addRaw\(/.test(
          file.text,
        ),
      );
    expect(logCalls.map((file) => file.path)).toEqual([]);
  });

  it("only the log module writes to the host's log, and only appendJobSummary to its summary", () => {
    const sinkUsers = files.filter((file) =>
      /\.log\.(info|warning|notice|debug|startGroup|failure)\(/.test(file.text),
    );
    expect(sinkUsers.map((file) => file.path).sort()).toEqual(['src/core/output/log.ts']);
    const summaryUsers = files.filter((file) => /\.appendSummary\((?!markdown\.text\))/.test(file.text));
    expect(summaryUsers.map((file) => file.path)).toEqual([]);
  });

  it('no one forges Shown or Markdown text or a checked path', () => {
    const forged = files.filter((file) => /as (unknown as )?(Shown|Markdown|ApiPath)\b/.test(file.text));
    expect(forged.map((file) => file.path)).toEqual(['src/core/path/api-path.ts']);
  });
});

describe('one way into request paths', () => {
  it('providers and actions never encode a path segment themselves', () => {
    const encoders = files
      .filter((file) => /^src\/(providers|actions)\//.test(file.path))
      .filter((file) => /encodeURI(Component)?\(/.test(file.text));
    expect(encoders.map((file) => file.path)).toEqual([]);
  });

  it('every provider path with a value in it is built by apiPath', () => {
    const raw = files
      .filter((file) => file.path.startsWith('src/providers/'))
      .filter((file) => /(?<!apiPath)`\/v\d[^`]*\$\{/.test(file.text));
    expect(raw.map((file) => file.path)).toEqual([]);
  });
});
