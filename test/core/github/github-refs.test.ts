// Reading what GitHub points at, through @actions/github, from the emulator's fake GitHub API.
import { validate } from '@octokit/graphql-schema';
import { describe, expect, it } from 'vitest';
import { DEPLOYMENTS_QUERY } from '../../../src/core/github/deployment-refs.ts';
import { githubClient, readGithubRefs } from '../../../src/core/github/github-refs.ts';
import { type EmulatorSeed, startEmulator } from '../../emulator/index.ts';
import { closedAfterEach } from '../../support/closed-after-each.ts';

const emulatorForTest = closedAfterEach(startEmulator);
const SHA = (n: number) => n.toString(16).padStart(40, 'a');
const at = { owner: 'example', repo: 'app' };

function seed(permissions: Record<string, 'read' | 'none'> = {}): EmulatorSeed {
  return {
    github: {
      tokens: [{ token: 'ghs_job', permissions }],
      repositories: [
        {
          fullName: 'example/app',
          releases: Array.from({ length: 130 }, (_, i) => ({ tagName: `v1.${i}.0` })),
          pulls: [
            { number: 7, headSha: SHA(7) },
            { number: 8, headSha: SHA(8), state: 'closed' },
          ],
          deployments: [
            ...Array.from({ length: 150 }, (_, i) => ({
              environment: 'preview',
              state: 'INACTIVE',
              sha: SHA(1000 + i),
            })),
            { environment: 'production', state: 'ACTIVE', sha: SHA(1), ref: 'v1.0.0' },
            { environment: 'staging', state: 'IN_PROGRESS', sha: SHA(2), ref: 'feature/login' },
            { environment: 'staging', state: 'FAILURE', sha: SHA(3) },
          ],
        },
      ],
    },
  };
}

describe('readGithubRefs', () => {
  it('sends a deployments query that GitHub’s published schema accepts', () => {
    expect(validate(DEPLOYMENTS_QUERY).map(String)).toEqual([]);
  });

  it('reads every page of releases, open pull requests and live deployments', async () => {
    const e = await emulatorForTest({ seed: seed() });
    const octokit = await githubClient('ghs_job', `${e.url}/github-api`);
    const [releases, deployments, pulls] = await readGithubRefs(octokit, at, [
      'releases',
      'deployments',
      'pull-requests',
    ]);
    expect(releases).toMatchObject({ source: 'releases' });
    expect('refs' in releases! && releases.refs.length).toBe(130);
    expect(deployments).toEqual({
      source: 'deployments',
      refs: [
        { sha: SHA(2), why: 'in-progress deployment to staging' },
        { name: 'feature/login', why: 'in-progress deployment to staging' },
        { sha: SHA(1), why: 'active deployment to production' },
        { name: 'v1.0.0', why: 'active deployment to production' },
      ],
    });
    expect(pulls).toEqual({
      source: 'pull-requests',
      refs: [
        { sha: SHA(7), why: 'head of open pull request #7' },
        { name: 'pr-7', why: 'open pull request #7' },
      ],
    });
    const github = e.requests.filter((r) => r.path.startsWith('/github-api'));
    expect(github.every((r) => r.status === 200)).toBe(true);
    expect(github.filter((r) => r.method !== 'GET').map((r) => r.path)).toEqual([
      '/github-api/graphql',
      '/github-api/graphql',
    ]);
  });

  it('skips a source the token may not read, naming GitHub’s answer, and reads the others', async () => {
    const e = await emulatorForTest({ seed: seed({ deployments: 'none', 'pull-requests': 'none' }) });
    const octokit = await githubClient('ghs_job', `${e.url}/github-api`);
    const results = await readGithubRefs(octokit, at, ['releases', 'deployments', 'pull-requests']);
    expect(results.map((r) => ('skipped' in r ? `${r.source}: ${r.skipped}` : r.source))).toEqual([
      'releases',
      'deployments: FORBIDDEN Resource not accessible by integration',
      'pull-requests: 403 Resource not accessible by integration',
    ]);
  });

  it('throws on any other failure, so a half-read source never lets a tag go', async () => {
    const e = await emulatorForTest({
      seed: seed(),
      faults: { routes: [{ path: '/github-api/repos/*/*/releases', error: true }] },
    });
    const octokit = await githubClient('ghs_job', `${e.url}/github-api`);
    await expect(readGithubRefs(octokit, at, ['releases'])).rejects.toThrow(
      'Reading the releases of example/app from the GitHub API failed (500 Internal server error.)',
    );
  });
});
