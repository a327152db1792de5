// GitHub's GraphQL endpoint as the fake serves it: each query is parsed, validated and executed by
// graphql-js against GitHub's published schema (@octokit/graphql-schema), so a query GitHub would reject
// is rejected here too and answers have the schema's shape. Resolvers cover repository.deployments.
import { schema as githubSchema } from '@octokit/graphql-schema';
import {
  buildClientSchema,
  type ExecutionResult,
  GraphQLError,
  type GraphQLSchema,
  getOperationAST,
  graphql,
  type IntrospectionQuery,
  parse,
} from 'graphql';
import type { GithubState } from './seed-github.ts';

let built: GraphQLSchema | undefined;

/** GitHub's schema, built once per process (about half a second). */
function schema(): GraphQLSchema {
  built ??= buildClientSchema(githubSchema.json as unknown as IntrospectionQuery);
  return built;
}

type Repository = GithubState['repositories'][number];
type Allowed = (permission: 'deployments') => boolean;

/** Errors as GitHub writes them: `type` (FORBIDDEN, NOT_FOUND…) beside message, path and locations. */
function githubErrors(result: ExecutionResult) {
  return result.errors?.map((error) => ({
    ...(typeof error.extensions?.type === 'string' ? { type: error.extensions.type } : {}),
    message: error.message,
    ...(error.path ? { path: error.path } : {}),
    ...(error.locations ? { locations: error.locations } : {}),
  }));
}

const cursor = (index: number) => Buffer.from(`cursor:${index}`).toString('base64');
const indexOf = (after: unknown) =>
  typeof after === 'string' ? Number(Buffer.from(after, 'base64').toString().split(':')[1]) + 1 : 0;

function deploymentsOf(repository: Repository, allowed: Allowed) {
  return (args: { first?: number; after?: string; orderBy?: { direction?: string } }) => {
    if (!allowed('deployments')) {
      throw new GraphQLError('Resource not accessible by integration', { extensions: { type: 'FORBIDDEN' } });
    }
    // Seed order is creation order; GitHub's default and ASC list oldest first.
    const ordered =
      args.orderBy?.direction === 'DESC' ? [...repository.deployments].reverse() : repository.deployments;
    const start = indexOf(args.after);
    const first = Math.min(args.first ?? 100, 100);
    const page = ordered.slice(start, start + first);
    return {
      totalCount: ordered.length,
      nodes: page.map((deployment) => ({
        environment: deployment.environment,
        state: deployment.state,
        commitOid: deployment.sha,
        ref: deployment.ref ? { name: deployment.ref } : null,
      })),
      pageInfo: {
        hasNextPage: start + first < ordered.length,
        endCursor: page.length > 0 ? cursor(start + page.length - 1) : null,
        hasPreviousPage: start > 0,
        startCursor: page.length > 0 ? cursor(start) : null,
      },
    };
  };
}

/** Runs one GraphQL request; the fake is read-only, so a mutation is refused. */
export async function executeGithubGraphql(
  state: GithubState,
  body: { query?: unknown; variables?: unknown },
  allowed: Allowed,
): Promise<{ status: number; body: unknown }> {
  if (typeof body.query !== 'string') return { status: 400, body: { message: 'Problems parsing JSON' } };
  let operation: string | undefined;
  try {
    operation = getOperationAST(parse(body.query))?.operation;
  } catch (error) {
    return { status: 200, body: { errors: [{ message: (error as Error).message }] } };
  }
  if (operation !== 'query') {
    return {
      status: 200,
      body: { errors: [{ message: `the fake GitHub API is read-only: ${operation} refused` }] },
    };
  }
  const rootValue = {
    repository: ({ owner, name }: { owner: string; name: string }) => {
      const repository = state.repositories.find((r) => r.fullName === `${owner}/${name}`);
      if (!repository) {
        throw new GraphQLError(`Could not resolve to a Repository with the name '${owner}/${name}'.`, {
          extensions: { type: 'NOT_FOUND' },
        });
      }
      return { deployments: deploymentsOf(repository, allowed) };
    },
  };
  const result = await graphql({
    schema: schema(),
    source: body.query,
    rootValue,
    variableValues: (body.variables ?? {}) as Record<string, unknown>,
  });
  const errors = githubErrors(result);
  return {
    status: 200,
    body: { ...(result.data !== undefined ? { data: result.data } : {}), ...(errors ? { errors } : {}) },
  };
}
