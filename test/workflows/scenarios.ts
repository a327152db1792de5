// Every shipped workflow, run the way an event would run it: the expected outcome of each job, the
// stand-ins it may use, and the registry state it must leave behind. Reusable workflows run through a caller.
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect } from 'vitest';
import { DEFAULT_CCR_INSTANCE, DEFAULT_CREDENTIALS, type EmulatorSeed } from '../emulator/index.ts';
import type { GithubContext } from '../harness/contexts.ts';
import type { WorkflowRun } from '../harness/workflow.ts';
import { buildOciImage } from '../support/local-registry.ts';
import { allowlist, ccrTags, servedTags, swrTags } from './registry-state.ts';
import { CCR_LOGIN, RUNNER_ADDRESS, SECRETS, SWR_LOGIN, type WorkflowWorld } from './world.ts';

const SHA = '3f786850e387550fdab836ed7e6dc881de23001b';
const DAY = 86_400_000;
const INSTANCE = DEFAULT_CCR_INSTANCE.id;

export interface Scenario {
  name: string;
  /** The workflow file this scenario covers. */
  covers: string;
  /** The file to run (the covered one, or a caller for a reusable workflow). */
  file: string;
  /** A caller's text, for a reusable workflow. */
  caller?: string;
  github: Partial<GithubContext>;
  inputs?: Record<string, unknown>;
  secrets?: Record<string, string>;
  vars?: Record<string, string>;
  seed?: EmulatorSeed;
  /** The conclusion of each job (`caller/called` for the jobs of a called workflow). */
  jobs: Record<string, 'success' | 'failure' | 'skipped'>;
  /** The stand-ins the run uses, exactly: `owner/repo` of an action, or `run: <step>`. */
  standIns: string[];
  before?: (world: WorkflowWorld) => Promise<void>;
  /** The registry state after the run (and anything else the outcome must show). */
  after: (world: WorkflowWorld, run: WorkflowRun) => Promise<void> | void;
}

const at = (daysAgo: number) => {
  const time = new Date(Date.now() - daysAgo * DAY).toISOString();
  return { created: time, updated: time };
};
const tag = (name: string, daysAgo: number) => ({
  tag: name,
  digest: `sha256:${name.padEnd(64, '0')}`,
  ...at(daysAgo),
});
const ciTags = (count: number, firstDaysAgo: number) =>
  Array.from({ length: count }, (_, i) => tag(`ci-${String(i + 1).padStart(3, '0')}`, firstDaysAgo - i));
const names = (count: number, from: number) =>
  Array.from({ length: count }, (_, i) => `ci-${String(from + i).padStart(3, '0')}`);

/** Pushes a tag straight into docker-registry, as an earlier release would have (not through the actions). */
async function pushDirectly(world: WorkflowWorld, ref: string): Promise<void> {
  const image = buildOciImage('released earlier\n');
  await promisify(execFile)(
    'skopeo',
    [
      '--insecure-policy',
      'copy',
      '--dest-creds',
      `${SWR_LOGIN.username}:${SWR_LOGIN.password}`,
      `oci:${image.layout}:v1`,
      `docker://${ref}`,
    ],
    {
      env: {
        PATH: process.env.PATH ?? '',
        HOME: mkdtempSync(join(tmpdir(), 'release-')),
        ...world.machineEnv,
      },
    },
  );
}

/**
 * Earlier CI builds of a CCR repository, in docker-registry as well as in the listing: the tags from
 * `firstKept` on share one image pushed straight to the registry (prune-tags reads kept tags' manifests
 * there); the older ones exist only in the listing, as images nobody needs.
 */
async function pushEarlierCcrBuilds(world: WorkflowWorld, project: string, firstKept: string): Promise<void> {
  const image = buildOciImage('earlier CI builds\n');
  await promisify(execFile)(
    'skopeo',
    [
      '--insecure-policy',
      'copy',
      '--preserve-digests',
      '--dest-creds',
      `${CCR_LOGIN.username}:${CCR_LOGIN.password}`,
      '--dest-tls-verify=false',
      `oci:${image.layout}:v1`,
      `docker://${world.registry.host}/${project}/app:earlier`,
    ],
    { env: { PATH: process.env.PATH ?? '', HOME: mkdtempSync(join(tmpdir(), 'earlier-')) } },
  );
  const tags = world.emu.state.ccrInstances
    .get(INSTANCE)!
    .projects.get(project)!
    .repositories.get('app')!.tags;
  for (const [name, record] of tags) if (name >= firstKept) record.digest = image.manifestDigest;
}

const releaseCaller = (withLines: string, extra = '') => `name: release
on: push
${extra}jobs:
  image:
    uses: registry-actions/registry-actions/.github/workflows/publish-image.yml@v0.1.0
    with:
${withLines}
  show:
    needs: image
    runs-on: ubuntu-latest
    steps:
      - env:
          IMAGE: \${{ needs.image.outputs.image }}
        run: echo "published $IMAGE"
`;

export const scenarios: Scenario[] = [
  {
    name: 'swr-aksk on push: logs in, creates the organization, pushes the commit image',
    covers: 'examples/workflows/swr-aksk.yml',
    file: 'examples/workflows/swr-aksk.yml',
    github: { event_name: 'push' },
    secrets: SECRETS,
    jobs: { push: 'success' },
    standIns: ['actions/checkout', 'docker/setup-buildx-action', 'docker/build-push-action'],
    async after(world) {
      expect(swrTags(world.emu, 'my-team', 'app')).toEqual([SHA]);
      expect(await servedTags(world, 'my-team', 'app', SWR_LOGIN)).toEqual([SHA]);
    },
  },
  {
    name: 'swr-keyless on push: signs in with the job ID token, no stored secret, pushes the image',
    covers: 'examples/workflows/swr-keyless.yml',
    file: 'examples/workflows/swr-keyless.yml',
    github: { event_name: 'push' },
    seed: { swr: { namespaces: [{ name: 'my-team' }] } },
    jobs: { push: 'success' },
    standIns: ['actions/checkout', 'docker/setup-buildx-action', 'docker/build-push-action'],
    async after(world) {
      expect(world.idTokens.requests.map((request) => request.audience)).toEqual(['huaweicloud-swr']);
      expect(await servedTags(world, 'my-team', 'app', SWR_LOGIN)).toEqual([SHA]);
    },
  },
  {
    name: 'ccr-enterprise on push: leases the runner address, pushes, and the lease is gone after the job',
    covers: 'examples/workflows/ccr-enterprise.yml',
    file: 'examples/workflows/ccr-enterprise.yml',
    github: { event_name: 'push' },
    secrets: { ...SECRETS, BCE_USER_ID: DEFAULT_CREDENTIALS.baidu.userId },
    seed: {
      ccr: {
        instances: [
          {
            id: 'ccr-xxxxxxxx',
            publicURL: DEFAULT_CCR_INSTANCE.publicURL,
            projects: [{ name: 'my-project' }],
            publicLinks: {
              status: 'opened',
              whitelist: [{ ipAddr: '203.0.113.0/24', description: 'office' }],
            },
          },
        ],
      },
    },
    jobs: { push: 'success' },
    standIns: ['actions/checkout', 'docker/setup-buildx-action', 'docker/build-push-action'],
    async after(world, run) {
      const lease = run.jobs.push!.steps.find((step) => step.name === 'Open the allowlist for this runner');
      expect(lease?.outputs['runner-ip']).toBe(RUNNER_ADDRESS);
      expect(lease?.post?.outcome).toBe('success');
      expect(allowlist(world.emu, 'ccr-xxxxxxxx')).toEqual(['203.0.113.0/24']);
      expect(ccrTags(world.emu, 'ccr-xxxxxxxx', 'my-project', 'app')).toEqual([SHA]);
      expect(await servedTags(world, 'my-project', 'app', CCR_LOGIN)).toEqual([SHA]);
    },
  },
  {
    name: 'nightly-prune on schedule: deletes CI tags past 30 days beyond the newest 20, keeps latest and releases',
    covers: 'examples/workflows/nightly-prune.yml',
    file: 'examples/workflows/nightly-prune.yml',
    github: { event_name: 'schedule' },
    secrets: SECRETS,
    seed: {
      swr: {
        namespaces: [
          {
            name: 'my-team',
            repositories: [{ name: 'app', tags: [tag('latest', 90), tag('v1.0.0', 90), ...ciTags(30, 60)] }],
          },
        ],
      },
    },
    jobs: { prune: 'success' },
    standIns: [],
    after(world) {
      expect(swrTags(world.emu, 'my-team', 'app')).toEqual([...names(20, 11), 'latest', 'v1.0.0'].sort());
    },
  },
  {
    name: 'nightly-prune dispatched by hand: a dry run by default, nothing deleted',
    covers: 'examples/workflows/nightly-prune.yml',
    file: 'examples/workflows/nightly-prune.yml',
    github: { event_name: 'workflow_dispatch' },
    secrets: SECRETS,
    seed: {
      swr: { namespaces: [{ name: 'my-team', repositories: [{ name: 'app', tags: ciTags(30, 60) }] }] },
    },
    jobs: { prune: 'success' },
    standIns: [],
    after(world, run) {
      expect(run.jobs.prune!.steps[0]!.outputs['planned-count']).toBe('10');
      expect(swrTags(world.emu, 'my-team', 'app')).toHaveLength(30);
    },
  },
  {
    name: 'preview-environments on a pull request opened: pushes pr-<n>-<sha> into the one preview repository',
    covers: 'examples/workflows/preview-environments.yml',
    file: 'examples/workflows/preview-environments.yml',
    github: {
      event_name: 'pull_request',
      event: { action: 'opened', number: 12, pull_request: { head: { sha: 'abc1234' } } },
    },
    secrets: SECRETS,
    seed: {
      swr: {
        namespaces: [
          { name: 'my-team', repositories: [{ name: 'preview', tags: [tag('pr-7-def5678', 2)] }] },
        ],
      },
    },
    jobs: { open: 'success', close: 'skipped' },
    standIns: ['actions/checkout', 'docker/setup-buildx-action', 'docker/build-push-action'],
    after(world) {
      expect(swrTags(world.emu, 'my-team', 'preview')).toEqual(['pr-12-abc1234', 'pr-7-def5678']);
      expect(world.emu.state.swrNamespaces.size).toBe(1);
    },
  },
  {
    name: 'preview-environments on a pull request closed: deletes that pull request’s tags and no other',
    covers: 'examples/workflows/preview-environments.yml',
    file: 'examples/workflows/preview-environments.yml',
    github: {
      event_name: 'pull_request',
      event: { action: 'closed', number: 12, pull_request: { head: { sha: 'abc1234' } } },
    },
    secrets: SECRETS,
    seed: {
      swr: {
        namespaces: [
          {
            name: 'my-team',
            repositories: [
              {
                name: 'preview',
                tags: [
                  tag('pr-12-aaa1111', 3),
                  tag('pr-12-abc1234', 1),
                  tag('pr-7-def5678', 2),
                  tag('pr-120-bbb2222', 1),
                ],
              },
            ],
          },
        ],
      },
    },
    jobs: { open: 'skipped', close: 'success' },
    standIns: [],
    after(world) {
      expect(swrTags(world.emu, 'my-team', 'preview')).toEqual(['pr-120-bbb2222', 'pr-7-def5678']);
    },
  },
  {
    name: 'publish-image called with AK/SK: pushes, then prunes to the newest 20 and keeps latest and releases',
    covers: '.github/workflows/publish-image.yml',
    file: 'release.yml',
    caller: releaseCaller(
      `      region: cn-north-4
      namespace: my-team
      image: app
      tags: |
        \${{ github.sha }}
        latest
    secrets:
      access-key-id: \${{ secrets.HUAWEICLOUD_AK }}
      secret-access-key: \${{ secrets.HUAWEICLOUD_SK }}`,
    ),
    github: { event_name: 'push' },
    secrets: SECRETS,
    seed: {
      swr: {
        namespaces: [
          {
            name: 'my-team',
            repositories: [{ name: 'app', tags: [tag('v1.0.0', 90), tag('1.1.0', 80), ...ciTags(25, 40)] }],
          },
        ],
      },
    },
    jobs: { image: 'success', 'image/publish': 'success', show: 'success' },
    standIns: ['actions/checkout', 'docker/setup-buildx-action', 'docker/build-push-action'],
    async after(world, run) {
      expect(run.jobs.image!.outputs.image).toBe(`swr.cn-north-4.myhuaweicloud.com/my-team/app:${SHA}`);
      // The newest 20 are the two pushed tags and ci-008…ci-025; older releases stay by the keep default.
      expect(swrTags(world.emu, 'my-team', 'app')).toEqual(
        [...names(18, 8), '1.1.0', SHA, 'latest', 'v1.0.0'].sort(),
      );
      expect(await servedTags(world, 'my-team', 'app', SWR_LOGIN)).toEqual([SHA, 'latest'].sort());
    },
  },
  {
    name: 'publish-image called keyless (idp-id, id-token: write, no secrets): pushes and prunes',
    covers: '.github/workflows/publish-image.yml',
    file: 'release-keyless.yml',
    caller: releaseCaller(
      `      region: cn-north-4
      idp-id: github-actions
      oidc-audience: huaweicloud-swr
      namespace: my-team
      image: app
      tags: \${{ github.sha }}`,
      'permissions:\n  contents: read\n  id-token: write\n',
    ),
    github: { event_name: 'push' },
    seed: { swr: { namespaces: [{ name: 'my-team' }] } },
    jobs: { image: 'success', 'image/publish': 'success', show: 'success' },
    standIns: ['actions/checkout', 'docker/setup-buildx-action', 'docker/build-push-action'],
    after(world) {
      expect(world.idTokens.requests.length).toBeGreaterThanOrEqual(3);
      expect(swrTags(world.emu, 'my-team', 'app')).toEqual([SHA]);
    },
  },
  {
    name: 'publish-image called for CCR enterprise with an allowlist lease: pushes, prunes, lease removed',
    covers: '.github/workflows/publish-image.yml',
    file: 'release-ccr.yml',
    caller: releaseCaller(
      `      provider: ccr
      region: bj
      instance-id: ${INSTANCE}
      user-id: \${{ vars.BCE_USER_ID }}
      namespace: my-project
      image: app
      tags: \${{ github.sha }}
      allowlist-lease: true
    secrets:
      access-key-id: \${{ secrets.BCE_AK }}
      secret-access-key: \${{ secrets.BCE_SK }}`,
    ),
    github: { event_name: 'push' },
    secrets: SECRETS,
    vars: { BCE_USER_ID: DEFAULT_CREDENTIALS.baidu.userId },
    seed: {
      ccr: {
        instances: [
          {
            id: INSTANCE,
            publicLinks: { status: 'opened' },
            projects: [{ name: 'my-project', repositories: [{ name: 'app', tags: ciTags(22, 30) }] }],
          },
        ],
      },
    },
    jobs: { image: 'success', 'image/publish': 'success', show: 'success' },
    standIns: ['actions/checkout', 'docker/setup-buildx-action', 'docker/build-push-action'],
    before: (world) => pushEarlierCcrBuilds(world, 'my-project', 'ci-004'),
    after(world) {
      expect(allowlist(world.emu, INSTANCE)).toEqual([]);
      expect(ccrTags(world.emu, INSTANCE, 'my-project', 'app')).toEqual([...names(19, 4), SHA].sort());
    },
  },
  {
    name: 'registry-gate called for a tag that exists: passes',
    covers: '.github/workflows/registry-gate.yml',
    file: 'deploy.yml',
    caller: gateCaller('v1.2.0'),
    github: { event_name: 'push' },
    secrets: SECRETS,
    seed: {
      swr: {
        namespaces: [
          { name: 'my-team', repositories: [{ name: 'app', isPublic: false, tags: [tag('v1.2.0', 1)] }] },
        ],
      },
    },
    jobs: { gate: 'success', 'gate/gate': 'success', deploy: 'success' },
    standIns: [],
    before: (world) => pushDirectly(world, 'swr.cn-north-4.myhuaweicloud.com/my-team/app:v1.2.0'),
    after() {},
  },
  {
    name: 'registry-gate called for a tag that does not exist: fails, and the deploy job does not run',
    covers: '.github/workflows/registry-gate.yml',
    file: 'deploy.yml',
    caller: gateCaller('v9.9.9'),
    github: { event_name: 'push' },
    secrets: SECRETS,
    seed: {
      swr: { namespaces: [{ name: 'my-team', repositories: [{ name: 'app', tags: [tag('v1.2.0', 1)] }] }] },
    },
    jobs: { gate: 'failure', 'gate/gate': 'failure', deploy: 'skipped' },
    standIns: [],
    before: (world) => pushDirectly(world, 'swr.cn-north-4.myhuaweicloud.com/my-team/app:v1.2.0'),
    after(_world, run) {
      const step = run.jobs.gate!.called!.gate!.steps.find(
        (candidate) => candidate.name === 'The tag exists',
      );
      expect(step?.errors).toEqual([
        'swr.cn-north-4.myhuaweicloud.com/my-team/app:v9.9.9 does not exist; deploy stopped.',
      ]);
    },
  },
];

function gateCaller(tagToDeploy: string): string {
  return `name: deploy
on: push
jobs:
  gate:
    uses: registry-actions/registry-actions/.github/workflows/registry-gate.yml@v0.1.0
    with:
      region: cn-north-4
      namespace: my-team
      repositories: app visibility=private
      image: app
      tag: ${tagToDeploy}
    secrets:
      access-key-id: \${{ secrets.HUAWEICLOUD_AK }}
      secret-access-key: \${{ secrets.HUAWEICLOUD_SK }}
  deploy:
    needs: gate
    runs-on: ubuntu-latest
    steps:
      - run: echo "deploying ${tagToDeploy}"
`;
}
