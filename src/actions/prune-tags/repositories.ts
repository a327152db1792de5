// Resolves the `repositories` input (names and globs) to the repositories to prune.
import { ApiError } from '../../core/errors/errors.ts';
import { logWarning } from '../../core/output/log.ts';
import { shown } from '../../core/output/shown.ts';
import type { TagRegistry } from '../../providers/seam/tags.ts';
import { NamespaceNotFoundError } from './errors.ts';
import { isGlob, selectRepositories } from './patterns.ts';

/**
 * Literal names as given; globs matched against the namespace's repository list (read only when needed).
 * A glob that matches nothing in a namespace that does not exist is an error, not an empty run.
 */
export async function resolveRepositories(
  registry: TagRegistry,
  patterns: readonly string[],
): Promise<string[]> {
  const globs = patterns.filter(isGlob);
  if (globs.length === 0) return selectRepositories(patterns, []);
  if (!registry.listRepositories)
    throw new Error('This registry cannot list repositories; name them exactly.');
  const listed = await registry.listRepositories();
  const available = listed.filter((name) => {
    const problems = registry.repositoryProblems(name);
    if (problems.length === 0) return true;
    logWarning(
      shown`Skipped repository ${JSON.stringify(name)} from the listing: it ${problems.join('; ')}. Nothing in it was touched.`,
    );
    return false;
  });
  const unmatched = globs.filter((glob) => selectRepositories([glob], available).length === 0);
  if (unmatched.length > 0) await requireNamespace(registry);
  for (const glob of unmatched) logWarning(shown`Repository pattern "${glob}" matched no repository.`);
  return selectRepositories(patterns, available);
}

/** Throws NamespaceNotFoundError naming the input when the namespace is missing. */
async function requireNamespace(registry: TagRegistry): Promise<void> {
  if (await registry.namespaceExists()) return;
  throw new NamespaceNotFoundError(
    `Input 'namespace': ${registry.namespaceLabel} does not exist, or these credentials cannot see it. ` +
      'Check the name (and region / instance-id); nothing was deleted.',
  );
}

/** A 404 from a tag listing: the namespace may be missing (then say so), else the repository is. */
export async function explainNotFound(
  registry: TagRegistry,
  repository: string,
  error: unknown,
): Promise<never> {
  if (error instanceof ApiError && error.status === 404) {
    await requireNamespace(registry);
    throw new NamespaceNotFoundError(
      `Repository ${repository} does not exist in ${registry.namespaceLabel} (${error.message}). ` +
        "Check 'repositories'; nothing was deleted.",
    );
  }
  throw error;
}
