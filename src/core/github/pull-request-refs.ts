// Open pull requests (REST `GET /repos/{owner}/{repo}/pulls?state=open`, every page).
import type { GithubRef, Octokit, RepositoryCoordinates } from './github-refs.ts';

/** Per open pull request: its head commit, and `pr-<number>` (docker/metadata-action's pull request tag). */
export async function readPullRequestRefs(octokit: Octokit, at: RepositoryCoordinates): Promise<GithubRef[]> {
  const pulls = await octokit.paginate(octokit.rest.pulls.list, {
    ...at,
    state: 'open',
    per_page: 100,
    request: { signal: AbortSignal.timeout(60_000) },
  });
  return pulls.flatMap((pull): GithubRef[] => [
    { sha: pull.head.sha, why: `head of open pull request #${pull.number}` },
    { name: `pr-${pull.number}`, why: `open pull request #${pull.number}` },
  ]);
}
