// The fake GitHub API under /github-api: releases, open pull requests (REST, paged with Link headers) and
// GraphQL for deployments. Each call checks the token and the permission GitHub would ask of it.
import type { components } from '@octokit/openapi-types';
import { executeGithubGraphql } from '../github-graphql.ts';
import { GITHUB_API_PREFIX, githubError, isRecord, json, parseJsonBody } from '../responses.ts';
import type { EmuResponse, RequestContext, Route } from '../route-types.ts';
import type { GithubPermission } from '../seed-types.ts';

type Release = Pick<
  components['schemas']['release'],
  'id' | 'tag_name' | 'name' | 'draft' | 'prerelease' | 'created_at' | 'published_at' | 'target_commitish'
>;
type PullRequest = Pick<components['schemas']['pull-request-simple'], 'id' | 'number' | 'state' | 'title'> & {
  head: Pick<components['schemas']['pull-request-simple']['head'], 'sha' | 'ref' | 'label'>;
};

/** The token's permissions, or the 401 GitHub gives an unknown token. */
function tokenOf(context: RequestContext) {
  const value = /^(?:token|bearer)\s+(\S+)$/i.exec(context.headers.authorization ?? '')?.[1];
  return context.state.github.tokens.find((token) => token.token === value);
}

function withToken(
  permission: GithubPermission,
  handle: (context: RequestContext, repository: RepositoryState) => EmuResponse,
) {
  return (context: RequestContext): EmuResponse => {
    const token = tokenOf(context);
    if (!token) return githubError(401, 'Bad credentials');
    const fullName = `${context.params.owner}/${context.params.repo}`;
    const repository = context.state.github.repositories.find((r) => r.fullName === fullName);
    if (!repository) return githubError(404, 'Not Found');
    if (token.permissions[permission] === 'none')
      return githubError(403, 'Resource not accessible by integration');
    return handle(context, repository);
  };
}

type RepositoryState = RequestContext['state']['github']['repositories'][number];

/** One page per `per_page` (default 30, at most 100) and `page`, with GitHub's Link header. */
function paged<T>(context: RequestContext, items: readonly T[]): EmuResponse {
  const perPage = Math.min(Number(context.query.get('per_page') ?? 30) || 30, 100);
  const page = Math.max(Number(context.query.get('page') ?? 1) || 1, 1);
  const last = Math.max(Math.ceil(items.length / perPage), 1);
  const link = (n: number) => {
    const query = new URLSearchParams(context.query);
    query.set('per_page', String(perPage));
    query.set('page', String(n));
    return `<http://${context.headers.host}${context.url.pathname}?${query}>`;
  };
  const links = page < last ? [`${link(page + 1)}; rel="next"`, `${link(last)}; rel="last"`] : [];
  return json(
    200,
    items.slice((page - 1) * perPage, page * perPage),
    links.length ? { Link: links.join(', ') } : {},
  );
}

const repoPath = `${GITHUB_API_PREFIX}/repos/:owner/:repo`;

export const githubRoutes: Route[] = [
  {
    method: 'GET',
    path: `${repoPath}/releases`,
    provider: 'github',
    handle: withToken('contents', (context, repository) =>
      paged<Release>(
        context,
        [...repository.releases].reverse().map((release, index) => ({
          id: index + 1,
          tag_name: release.tagName,
          name: release.tagName,
          draft: release.draft ?? false,
          prerelease: release.prerelease ?? false,
          created_at: context.now.toISOString(),
          published_at: release.draft ? null : context.now.toISOString(),
          target_commitish: 'main',
        })),
      ),
    ),
  },
  {
    method: 'GET',
    path: `${repoPath}/pulls`,
    provider: 'github',
    handle: withToken('pull-requests', (context, repository) => {
      const wanted = context.query.get('state') ?? 'open';
      const pulls = repository.pulls.filter((pull) => wanted === 'all' || (pull.state ?? 'open') === wanted);
      return paged<PullRequest>(
        context,
        pulls.map((pull) => ({
          id: pull.number,
          number: pull.number,
          state: pull.state ?? 'open',
          title: `pull request ${pull.number}`,
          head: { sha: pull.headSha, ref: `branch-${pull.number}`, label: `example:branch-${pull.number}` },
        })),
      );
    }),
  },
  {
    method: 'POST',
    path: `${GITHUB_API_PREFIX}/graphql`,
    provider: 'github',
    handle: async (context) => {
      const token = tokenOf(context);
      if (!token) return githubError(401, 'Bad credentials');
      const body = parseJsonBody(context);
      const answer = await executeGithubGraphql(
        context.state.github,
        isRecord(body) ? body : {},
        (permission) => token.permissions[permission] !== 'none',
      );
      return json(answer.status, answer.body);
    },
  },
];
