// What GitHub still points at in one repository: release tags, active deployments, open pull requests.
// Read-only (GET and a GraphQL query) with the job's token; a source the token may not read is skipped.
import type { getOctokit } from '@actions/github';
import { readDeploymentRefs } from './deployment-refs.ts';
import { readPullRequestRefs } from './pull-request-refs.ts';
import { failureOf, refusalOf } from './refusal.ts';
import { readReleaseRefs } from './release-refs.ts';

export type GithubSource = 'releases' | 'deployments' | 'pull-requests';

export const GITHUB_SOURCES: readonly GithubSource[] = ['releases', 'deployments', 'pull-requests'];

/** A name (release tag, ref, `pr-12`) or a full commit SHA GitHub points at, and why. */
export type GithubRef = { name: string; why: string } | { sha: string; why: string };

export type SourceRefs =
  | { source: GithubSource; refs: GithubRef[] }
  | { source: GithubSource; skipped: string };

export type Octokit = ReturnType<typeof getOctokit>;

export interface RepositoryCoordinates {
  owner: string;
  repo: string;
}

/** The job token permission each source needs. */
export const SOURCE_PERMISSION: Record<GithubSource, string> = {
  releases: 'contents: read',
  deployments: 'deployments: read',
  'pull-requests': 'pull-requests: read',
};

const READERS: Record<GithubSource, (octokit: Octokit, at: RepositoryCoordinates) => Promise<GithubRef[]>> = {
  releases: readReleaseRefs,
  deployments: readDeploymentRefs,
  'pull-requests': readPullRequestRefs,
};

/**
 * Reads each source; one the token may not read (401, 403, 404, GraphQL FORBIDDEN) comes back skipped
 * with the reason, any other failure is thrown (a half-read source must not let a tag go).
 */
export async function readGithubRefs(
  octokit: Octokit,
  at: RepositoryCoordinates,
  sources: readonly GithubSource[],
): Promise<SourceRefs[]> {
  const results: SourceRefs[] = [];
  for (const source of sources) {
    try {
      results.push({ source, refs: await READERS[source](octokit, at) });
    } catch (error) {
      const refusal = refusalOf(error);
      if (refusal === undefined) throw new GithubReadError(source, at, error);
      results.push({ source, skipped: refusal });
    }
  }
  return results;
}

/** `owner/repo` (GITHUB_REPOSITORY) as coordinates; undefined when it is not that shape. */
export function repositoryCoordinates(text: string): RepositoryCoordinates | undefined {
  const match = /^(?<owner>[A-Za-z0-9_.-]+)\/(?<repo>[A-Za-z0-9_.-]+)$/.exec(text.trim());
  const { owner, repo } = match?.groups ?? {};
  return owner && repo ? { owner, repo } : undefined;
}

/**
 * An Octokit for the job's API (`apiUrl`: GITHUB_API_URL, e.g. https://api.github.com), with its proxy.
 * @actions/github (Octokit and its HTTP client) is loaded here, by a run that reads GitHub, not at start-up.
 */
export async function githubClient(token: string, apiUrl: string): Promise<Octokit> {
  const { getOctokit } = await import('@actions/github');
  return getOctokit(token, { baseUrl: apiUrl.replace(/\/+$/, '') });
}

/** GitHub failed for a reason other than the token's permissions (5xx, network, timeout). */
class GithubReadError extends Error {
  override readonly name = 'GithubReadError';
  readonly source: GithubSource;

  constructor(source: GithubSource, at: RepositoryCoordinates, cause: unknown) {
    super(
      `Reading the ${source} of ${at.owner}/${at.repo} from the GitHub API failed (${failureOf(cause)}), so ` +
        'nothing was deleted: a tag GitHub points at could otherwise go. Run again later.',
    );
    this.source = source;
  }
}
