// Resolves the `repositories` input (names and globs) to the repositories to prune.
import * as core from '@actions/core';
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
  const available = await registry.listRepositories();
  const chosen = selectRepositories(patterns, available);
  for (const glob of globs) {
    if (!selectRepositories([glob], available).length)
      core.warning(`Repository pattern "${glob}" matched no repository.`);
  }
  return chosen;
}
