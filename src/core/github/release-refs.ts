// Release tags (REST `GET /repos/{owner}/{repo}/releases`, every page).
import type { GithubRef, Octokit, RepositoryCoordinates } from './github-refs.ts';

/** One name per release: its tag, e.g. `v1.2.0`. */
export async function readReleaseRefs(octokit: Octokit, at: RepositoryCoordinates): Promise<GithubRef[]> {
  const releases = await octokit.paginate(octokit.rest.repos.listReleases, {
    ...at,
    per_page: 100,
    request: { signal: AbortSignal.timeout(60_000) },
  });
  return releases.map((release) => ({
    name: release.tag_name,
    why: `${release.draft ? 'draft release' : 'release'} ${release.tag_name}`,
  }));
}
