import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runStep } from '../harness/runner.ts';

const preload = join(import.meta.dirname, 'support/throw-in-trim.mjs');

describe('stack traces from the minified dist/ bundles', () => {
  it('name the src/ files, lines and functions of a bug (in the debug log)', async () => {
    const result = await runStep({
      action: 'prune-tags',
      inputs: { namespace: 'team-of-the-bug', repositories: 'web' },
      env: { RUNNER_DEBUG: '1', NODE_OPTIONS: `--import=${preload}`, THROW_IN_TRIM: 'team-of-the-bug' },
    });
    expect(result.exitCode).toBe(1);
    expect(result.errors).toEqual(['planted bug']);
    const trace = result.log.split('\n').find((line) => line.startsWith('::debug::TypeError: planted bug'));
    // The runner's debug command escapes line breaks as %0A.
    const frames = (trace ?? '').replaceAll('%0A', '\n');
    expect(frames).toMatch(/at readSettings \(file:\/\/\/.*\/src\/actions\/prune-tags\/inputs\.ts:\d+:\d+\)/);
    // The entry reads the inputs before it loads run.ts: its own frame names src/actions/prune-tags/main.ts.
    expect(frames).toMatch(/\(file:\/\/\/.*\/src\/actions\/prune-tags\/main\.ts:\d+:\d+\)/);
    expect(frames).not.toMatch(/dist\/prune-tags\/index\.js/);
  });

  it('name the files of a library loaded at first use from a chunk file beside the entry', async () => {
    // keep-github loads @actions/github when it first reads GitHub; evaluating it reads NO_PROXY (trimmed).
    const result = await runStep({
      action: 'prune-tags',
      inputs: {
        provider: 'swr',
        region: 'cn-north-4',
        endpoint: 'http://127.0.0.1:9',
        'iam-endpoint': 'http://127.0.0.1:9',
        'access-key-id': 'AKEXAMPLE',
        'secret-access-key': 'secret-of-the-test',
        namespace: 'team',
        repositories: 'web',
        'keep-last': '5',
        'keep-github': 'releases',
        'github-token': 'ghs_of_the_test',
      },
      env: {
        RUNNER_DEBUG: '1',
        NODE_OPTIONS: `--import=${preload}`,
        THROW_IN_TRIM: 'bug.example',
        NO_PROXY: 'bug.example',
        GITHUB_REPOSITORY: 'octo/app',
        GITHUB_API_URL: 'https://api.github.invalid',
      },
    });
    expect(result.exitCode).toBe(1);
    expect(result.errors).toEqual(['planted bug']);
    const trace = result.log.split('\n').find((line) => line.startsWith('::debug::TypeError: planted bug'));
    const frames = (trace ?? '').replaceAll('%0A', '\n');
    expect(frames).toMatch(
      /at checkBypass \(file:\/\/\/.*\/node_modules\/@actions\/http-client\/lib\/proxy\.js:\d+:\d+\)/,
    );
    expect(frames).toMatch(
      /at getProxyAgent \(file:\/\/\/.*\/node_modules\/@actions\/github\/lib\/internal\/utils\.js:\d+:\d+\)/,
    );
    expect(frames).not.toMatch(/dist\/prune-tags\//);
  });
});
