// Plans one repository with what the registry itself says of its manifests: where the listing does not
// describe a manifest list (SWR without manifest text), or cannot tell lists from images at all (CCR), the
// manifests are read from the registry and the repository planned again, so a kept list's images and the
// lists holding a kept image stay protected. Planning stays pure; only the reads are effects.
import { errorMessage } from '../../core/errors/errors.ts';
import { logInfo, logWarning } from '../../core/output/log.ts';
import { shown } from '../../core/output/shown.ts';
import { plural } from '../../core/text/plural.ts';
import type { TagInfo } from '../../providers/seam/tag-info.ts';
import type { TagTable } from '../../providers/seam/tag-table.ts';
import type { TagRegistry } from '../../providers/seam/tags.ts';
import { describeLists, hasUndescribedList } from './manifest-lists.ts';
import { type PrunePlan, type PruneRules, planPrune } from './plan.ts';

/** Plans one repository; reads from the registry only what a deletion depends on. */
export async function planRepository(
  registry: TagRegistry,
  repository: string,
  tags: TagTable,
  rules: PruneRules,
  startedAt: Date,
): Promise<PrunePlan> {
  const plan = planPrune(tags, rules, startedAt);
  if (registry.listsUnmarked) {
    return planReadingRetained(registry, repository, tags, plan, (described) =>
      planPrune(described, rules, startedAt),
    );
  }
  if (plan.counts.protect === 0 || !hasUndescribedList(tags)) return plan;
  return planPrune(await describeLists(registry, repository, tags), rules, startedAt);
}

/** What the registry said of one digest: a list with its images, an image, or why it could not be read. */
type ManifestKind = Pick<TagInfo, 'kind' | 'children'> | { failure: string };

/**
 * A fixed point for listings that never mark lists: while the plan deletes something, the manifests of the
 * tags it retains that were not read yet are read (each digest once), and the repository planned again
 * with them. Protection only grows, so this ends; a manifest that cannot be read becomes a list of unknown
 * images, which holds back every deletion of the repository.
 */
async function planReadingRetained(
  registry: TagRegistry,
  repository: string,
  tags: TagTable,
  first: PrunePlan,
  plan: (tags: TagTable) => PrunePlan,
): Promise<PrunePlan> {
  const known = new Map<string, ManifestKind>();
  let current = first;
  for (;;) {
    const unread = retainedDigests(current).filter((digest) => !known.has(digest));
    if (current.counts.delete === 0 || unread.length === 0) break;
    for (const digest of unread) known.set(digest, await readKind(registry, repository, digest));
    current = plan(tags.map((tag) => withKind(tag, known.get(tag.digest))));
  }
  reportReads(registry, repository, known);
  return current;
}

/** Digests of the tags a plan keeps or protects, each once, in plan order. */
function retainedDigests(plan: PrunePlan): string[] {
  const digests = new Set<string>();
  for (let at = 0; at < plan.size; at++) {
    if (plan.verdict(at) !== 'delete') digests.add(plan.tags.digest(plan.row(at)));
  }
  digests.delete('');
  return [...digests];
}

async function readKind(registry: TagRegistry, repository: string, digest: string): Promise<ManifestKind> {
  if (!registry.manifests) return { failure: 'the registry offers no way to read manifests' };
  try {
    const facts = await registry.manifests.read(repository, digest);
    return facts.children ? { kind: 'list', children: facts.children } : { kind: 'image' };
  } catch (error) {
    return { failure: errorMessage(error) };
  }
}

function withKind(tag: TagInfo, known: ManifestKind | undefined): TagInfo {
  if (!known) return tag;
  const { children: _listed, ...rest } = tag;
  // Unreadable: a list whose images are unknown, which the planner treats as holding back every deletion.
  if ('failure' in known) return { ...rest, kind: 'list' };
  return { ...rest, ...known };
}

/** One line for what was read, one warning for what could not be. */
function reportReads(
  registry: TagRegistry,
  repository: string,
  known: ReadonlyMap<string, ManifestKind>,
): void {
  if (known.size === 0) return;
  const host = registry.manifests?.registry ?? 'registry';
  const kinds = [...known.values()];
  const failures = kinds.flatMap((kind) => ('failure' in kind ? [kind.failure] : []));
  const lists = kinds.filter((kind) => 'kind' in kind && kind.kind === 'list').length;
  const read = kinds.length - failures.length;
  if (read > 0) {
    logInfo(
      shown`${repository}: read ${plural(read, 'manifest')} of kept tags from the registry ${host} (${plural(lists, 'manifest list')} among them), as the listing does not tell manifest lists from images`,
    );
  }
  const [firstFailure] = failures;
  if (firstFailure !== undefined) {
    logWarning(
      shown`${repository}: could not read ${plural(failures.length, 'manifest')} of kept tags from the registry ${host} (${firstFailure}); whether they are manifest lists stays unknown, so no tag of ${repository} is deleted.`,
    );
  }
}
