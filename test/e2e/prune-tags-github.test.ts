// keep-github: prune-tags keeps the tags GitHub still points at (releases, live deployments, open pull
// requests), read with the job's token from the emulator's fake GitHub API through @actions/github.
import { describe, expect, it } from 'vitest';
import { type Emulator, type EmulatorSeed, startEmulator } from '../emulator/index.ts';
import { runStep, type StepResult } from '../harness/runner.ts';
import { closedAfterEach } from '../support/closed-after-each.ts';
import { swrEmulatorInputs } from '../support/emulator-inputs.ts';
import { findLeaks } from '../support/leaks.ts';
import { renderedMarkdown } from '../support/rendered-markdown.ts';

const emulatorForTest = closedAfterEach(startEmulator);
const DAY = 86_400_000;
/** The token the harness gives the job as github.token: keep-github's default github-token. */
const JOB_TOKEN = 'ghs_harnessTokenNotARealOne0000000000';
const PR_HEAD = '1a2b3c4d5e6f708192a3b4c5d6e7f80910a1b2c3';
const DEPLOYED = 'c0ffee00112233445566778899aabbccddeeff00';
const OLD_DEPLOY = 'dead0000112233445566778899aabbccddeeff00';

const TAG_NAMES = [
  'v1.2.0', // a release, as its tag
  '1.2.0', // the same release, as docker/metadata-action writes semver
  'v0.9.0', // no release
  'sha-1a2b3c4', // head of open pull request #7
  'pr-7', // open pull request #7
  'pr-6', // closed pull request
  DEPLOYED, // commit of the active production deployment
  'sha-dead000', // an inactive deployment
  'feature-login', // ref of the in-progress staging deployment (feature/login)
];

function seed(permissions: Record<string, 'read' | 'none'> = {}): EmulatorSeed {
  const tags = TAG_NAMES.map((tag, i) => {
    const time = new Date(Date.now() - (i + 40) * DAY).toISOString();
    return { tag, digest: `sha256:${i}`, size: 100, created: time, updated: time };
  });
  return {
    swr: { namespaces: [{ name: 'team', repositories: [{ name: 'web', tags }] }] },
    github: {
      tokens: [{ token: JOB_TOKEN, permissions }],
      repositories: [
        {
          fullName: 'example/app',
          releases: [{ tagName: 'v1.2.0' }],
          pulls: [
            { number: 6, headSha: 'ffff0000112233445566778899aabbccddeeff00', state: 'closed' },
            { number: 7, headSha: PR_HEAD },
          ],
          deployments: [
            { environment: 'production', state: 'INACTIVE', sha: OLD_DEPLOY },
            { environment: 'production', state: 'ACTIVE', sha: DEPLOYED, ref: 'main' },
            {
              environment: 'staging',
              state: 'IN_PROGRESS',
              sha: OLD_DEPLOY.replace('dead', 'beef'),
              ref: 'feature/login',
            },
          ],
        },
      ],
    },
  };
}

function prune(e: Emulator, inputs: Record<string, string>): Promise<StepResult> {
  return runStep({
    action: 'prune-tags',
    inputs: {
      ...swrEmulatorInputs(e.url),
      namespace: 'team',
      repositories: 'web',
      'older-than': '30d',
      ...inputs,
    },
    contexts: { github: { api_url: `${e.url}/github-api` } },
  });
}

const left = (e: Emulator) =>
  [...(e.state.swrNamespaces.get('team')?.repositories.get('web')?.tags.keys() ?? [])].sort();
const githubCalls = (e: Emulator) => e.requests.filter((r) => r.path.startsWith('/github-api/'));

describe('prune-tags keep-github', () => {
  it('keeps the tags of releases, live deployments and open pull requests, and deletes the rest', async () => {
    const e = await emulatorForTest({ seed: seed() });
    const result = await prune(e, { 'keep-github': 'all' });
    expect(result.exitCode, result.log).toBe(0);
    expect(left(e)).toEqual([DEPLOYED, '1.2.0', 'feature-login', 'pr-7', 'sha-1a2b3c4', 'v1.2.0'].sort());
    expect(JSON.parse(result.outputs.deleted!).sort()).toEqual(['web:pr-6', 'web:sha-dead000', 'web:v0.9.0']);
    expect(result.log).toMatch(/keep\s+v1\.2\.0\s+kept: release v1\.2\.0$/m);
    expect(result.log).toMatch(/keep\s+1\.2\.0\s+kept: release v1\.2\.0$/m);
    expect(result.log).toMatch(/keep\s+sha-1a2b3c4\s+kept: commit 1a2b3c4, head of open pull request #7$/m);
    expect(result.log).toMatch(/keep\s+pr-7\s+kept: open pull request #7$/m);
    expect(result.log).toMatch(/keep\s+c0ffee0\S*\s+kept: commit c0ffee0, active deployment to production$/m);
    expect(result.log).toMatch(/keep\s+feature-login\s+kept: in-progress deployment to staging$/m);
    expect(result.log).toContain('keep-github: 1 release of example/app.');
    expect(result.log).toContain('keep-github: 2 live deployments of example/app.');
    expect(result.log).toContain('keep-github: 1 open pull request of example/app.');
    expect(renderedMarkdown(result.summary)).toContain('keep-github releases, deployments, pull-requests');
    // Read-only: GETs and one GraphQL query, all with the job's token, which never reaches the log.
    expect(githubCalls(e).map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      'GET /github-api/repos/example/app/releases 200',
      'POST /github-api/graphql 200',
      'GET /github-api/repos/example/app/pulls 200',
    ]);
    expect(result.masks).toContain(JOB_TOKEN);
    expect(findLeaks(result, [JOB_TOKEN])).toEqual([]);
  });

  it('skips a source the token may not read with a notice naming the permission, and applies the others', async () => {
    const e = await emulatorForTest({ seed: seed({ deployments: 'none', 'pull-requests': 'none' }) });
    const result = await prune(e, {
      'keep-github': 'releases, deployments, pull-requests',
      'dry-run': 'true',
    });
    expect(result.exitCode, result.log).toBe(0);
    const notices = result.stdout.split('\n').filter((line) => line.startsWith('::notice::'));
    expect(notices).toEqual([
      expect.stringContaining(
        'keep-github: skipped deployments of example/app: the token may not read them (FORBIDDEN Resource not ' +
          'accessible by integration), so tags named only by them are not kept this run. Give the job ' +
          'permissions: deployments: read',
      ),
      expect.stringContaining(
        'skipped pull-requests of example/app: the token may not read them (403 Resource not accessible',
      ),
    ]);
    expect(result.log).toMatch(/keep\s+v1\.2\.0\s+kept: release v1\.2\.0$/m);
    expect(result.log).toMatch(/^would delete pr-7\s+older than 30d$/m);
    expect(renderedMarkdown(result.summary)).toContain('- ⚠️ keep-github: skipped deployments of example/app');
  });

  it('stops before listing the registry when GitHub fails otherwise, deleting nothing', async () => {
    const e = await emulatorForTest({
      seed: { ...seed(), faults: { routes: [{ path: '/github-api/graphql', error: true }] } },
    });
    const result = await prune(e, { 'keep-github': 'deployments' });
    expect(result.exitCode).toBe(1);
    expect(result.errors).toEqual([
      'Reading the deployments of example/app from the GitHub API failed (500 Internal server error.), so ' +
        'nothing was deleted: a tag GitHub points at could otherwise go. Run again later.',
    ]);
    expect(e.requests.filter((r) => r.path.includes('/tags'))).toEqual([]);
    expect(left(e)).toHaveLength(TAG_NAMES.length);
  });
});
