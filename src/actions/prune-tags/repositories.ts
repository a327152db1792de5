// Resolves the `repositories` input (names and globs) to the repositories to prune.
import { logWarning } from '../../core/output/log.ts';
import { shown } from '../../core/output/shown.ts';
import { isGlob, selectRepositories } from './patterns.ts';
import type { TagRegistry } from './registry.ts';

/** Literal names as given; globs matched against the namespace's repository list (read only when needed). */
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
  const chosen = selectRepositories(patterns, available);
  for (const glob of globs) {
    if (!selectRepositories([glob], available).length)
      logWarning(shown`Repository pattern "${glob}" matched no repository.`);
  }
  return chosen;
}
