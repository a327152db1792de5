// The seed's `github`: a fake GitHub API for the repository the job runs in (releases, pull requests,
// deployments) and the tokens it accepts, each with the permissions a job's GITHUB_TOKEN can lack.
import type { GithubPermission, GithubSeed } from './seed-types.ts';

export const GITHUB_PERMISSIONS: readonly GithubPermission[] = ['contents', 'deployments', 'pull-requests'];

/** DeploymentState in GitHub's GraphQL schema. */
export const DEPLOYMENT_STATES = [
  'ABANDONED',
  'ACTIVE',
  'DESTROYED',
  'ERROR',
  'FAILURE',
  'INACTIVE',
  'IN_PROGRESS',
  'PENDING',
  'QUEUED',
  'SUCCESS',
  'WAITING',
] as const;

/** The GitHub part of the state: the seed with every list present. */
export interface GithubState {
  tokens: Array<{ token: string; permissions: Partial<Record<GithubPermission, 'read' | 'none'>> }>;
  repositories: Array<Required<NonNullable<GithubSeed['repositories']>[number]>>;
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function checkList(value: unknown, at: string, checkItem: (item: Json, at: string) => void): void {
  if (value === undefined) return;
  if (!Array.isArray(value)) throw new Error(`seed: ${at} must be an array`);
  value.forEach((item, index) => {
    if (!isObject(item)) throw new Error(`seed: ${at}[${index}] must be an object`);
    checkItem(item, `${at}[${index}]`);
  });
}

function need(item: Json, key: string, type: 'string' | 'number', at: string): void {
  if (typeof item[key] !== type) throw new Error(`seed: ${at}.${key} must be a ${type}`);
}

/** Checks `github`; throws an Error naming the first bad field. */
export function checkGithubSeed(value: unknown): void {
  if (value === undefined) return;
  if (!isObject(value)) throw new Error('seed: github must be an object');
  checkList(value.tokens, 'github.tokens', (token, at) => {
    need(token, 'token', 'string', at);
    if (token.permissions === undefined) return;
    if (!isObject(token.permissions)) throw new Error(`seed: ${at}.permissions must be an object`);
    for (const [name, level] of Object.entries(token.permissions)) {
      if (!GITHUB_PERMISSIONS.includes(name as GithubPermission) || (level !== 'read' && level !== 'none'))
        throw new Error(
          `seed: ${at}.permissions.${name} must be one of ${GITHUB_PERMISSIONS.join(', ')}: read | none`,
        );
    }
  });
  checkList(value.repositories, 'github.repositories', (repository, at) => {
    if (typeof repository.fullName !== 'string' || !/^[^/]+\/[^/]+$/.test(repository.fullName))
      throw new Error(`seed: ${at}.fullName must be owner/name`);
    checkList(repository.releases, `${at}.releases`, (release, where) =>
      need(release, 'tagName', 'string', where),
    );
    checkList(repository.pulls, `${at}.pulls`, (pull, where) => {
      need(pull, 'number', 'number', where);
      need(pull, 'headSha', 'string', where);
    });
    checkList(repository.deployments, `${at}.deployments`, (deployment, where) => {
      need(deployment, 'sha', 'string', where);
      need(deployment, 'environment', 'string', where);
      if (!DEPLOYMENT_STATES.includes(deployment.state as (typeof DEPLOYMENT_STATES)[number]))
        throw new Error(`seed: ${where}.state must be one of ${DEPLOYMENT_STATES.join(', ')}`);
    });
  });
}

/** The state for a seed (copied, so tests may change either side). */
export function buildGithubState(seed: GithubSeed = {}): GithubState {
  return {
    tokens: structuredClone(seed.tokens ?? []).map((token) => ({
      ...token,
      permissions: token.permissions ?? {},
    })),
    repositories: structuredClone(seed.repositories ?? []).map((repository) => ({
      fullName: repository.fullName,
      releases: repository.releases ?? [],
      pulls: repository.pulls ?? [],
      deployments: repository.deployments ?? [],
    })),
  };
}

/** The state in seed format, for the snapshot. */
export function githubSeedOf(state: GithubState): GithubSeed {
  return structuredClone({ tokens: state.tokens, repositories: state.repositories });
}
