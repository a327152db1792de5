// Deployments GitHub counts as active, or still on their way (GraphQL: the REST API gives no state
// without one more call per deployment). Newest first, 100 per page, every page.
import type { GithubRef, Octokit, RepositoryCoordinates } from './github-refs.ts';

export const DEPLOYMENTS_QUERY = `query deployments($owner: String!, $name: String!, $after: String) {
  repository(owner: $owner, name: $name) {
    deployments(first: 100, after: $after, orderBy: { field: CREATED_AT, direction: DESC }) {
      nodes { environment state commitOid ref { name } }
      pageInfo { hasNextPage endCursor }
    }
  }
}`;

/** States of a deployment whose image is in use or about to be (DeploymentState in GitHub's schema). */
const LIVE_STATES = new Set(['ACTIVE', 'IN_PROGRESS', 'QUEUED', 'PENDING', 'WAITING']);

interface DeploymentNode {
  environment: string | null;
  state: string | null;
  commitOid: string;
  ref: { name: string } | null;
}

interface DeploymentsPage {
  repository: {
    deployments: { nodes: DeploymentNode[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
  } | null;
}

/** Per live deployment: its commit, and its ref name (a branch or tag) when it has one. */
export async function readDeploymentRefs(octokit: Octokit, at: RepositoryCoordinates): Promise<GithubRef[]> {
  const refs: GithubRef[] = [];
  const signal = AbortSignal.timeout(60_000);
  let after: string | null = null;
  do {
    const page: DeploymentsPage = await octokit.graphql<DeploymentsPage>(DEPLOYMENTS_QUERY, {
      owner: at.owner,
      name: at.repo,
      after,
      request: { signal },
    });
    const deployments = page.repository?.deployments;
    if (!deployments) break;
    for (const node of deployments.nodes) {
      if (!node.state || !LIVE_STATES.has(node.state)) continue;
      const why = `${node.state === 'ACTIVE' ? 'active' : node.state.toLowerCase().replace('_', '-')} deployment to ${node.environment ?? 'an environment'}`;
      refs.push({ sha: node.commitOid, why });
      if (node.ref?.name) refs.push({ name: node.ref.name, why });
    }
    after = deployments.pageInfo.hasNextPage ? deployments.pageInfo.endCursor : null;
  } while (after);
  return refs;
}
