// Pure: declared repositories + the namespace's current repositories → create / update changes.
import { SWR_CATEGORIES, type SwrCategory } from '../field-values.ts';
import type { SwrRepository, SwrRepositorySettings } from '../repositories.ts';
import type { SwrChange } from './changes.ts';
import type { RepositoryWish } from './repository-lines.ts';

/** Values SWR gets for attributes a new repository's line leaves out. */
const REPOSITORY_DEFAULTS = { isPublic: false, category: 'other' } as const;

const visibility = (isPublic: boolean) => (isPublic ? 'public' : 'private');

/** Changes that make the namespace hold every declared repository with the declared attributes. */
export function planRepositories(
  namespace: string,
  current: readonly SwrRepository[],
  wishes: readonly RepositoryWish[],
): SwrChange[] {
  const changes: SwrChange[] = [];
  for (const wish of wishes) {
    const target = `${namespace}/${wish.name}`;
    const existing = current.find((repository) => repository.name === wish.name);
    if (!existing) {
      const settings = newSettings(wish);
      changes.push({
        action: 'create repository',
        target,
        detail: describeSettings(settings),
        repository: wish.name,
        settings,
      });
      continue;
    }
    const differences = repositoryDifferences(existing, wish);
    if (differences.length > 0) {
      changes.push({
        action: 'update repository',
        target,
        detail: differences.join('; '),
        repository: wish.name,
        settings: mergedSettings(existing, wish),
      });
    }
  }
  return changes;
}

function newSettings(wish: RepositoryWish): SwrRepositorySettings {
  return {
    is_public: wish.isPublic ?? REPOSITORY_DEFAULTS.isPublic,
    category: wish.category ?? REPOSITORY_DEFAULTS.category,
    ...(wish.description !== undefined ? { description: wish.description } : {}),
  };
}

/** The update body: declared values, and the current ones for what the line leaves out (PATCH needs is_public). */
function mergedSettings(existing: SwrRepository, wish: RepositoryWish): SwrRepositorySettings {
  const category = wish.category ?? asCategory(existing.category);
  const description = wish.description ?? existing.description;
  return {
    is_public: wish.isPublic ?? existing.is_public,
    ...(category !== undefined ? { category } : {}),
    ...(description !== undefined ? { description } : {}),
  };
}

function asCategory(value: string | undefined): SwrCategory | undefined {
  return SWR_CATEGORIES.find((category) => category === value);
}

function describeSettings(settings: SwrRepositorySettings): string {
  const parts = [visibility(settings.is_public)];
  if (settings.category) parts.push(`category ${settings.category}`);
  if (settings.description) parts.push(`description "${settings.description}"`);
  return parts.join(', ');
}

/** Declared attributes that differ from the repository, in words (`visibility private → public`). */
function repositoryDifferences(existing: SwrRepository, wish: RepositoryWish): string[] {
  const differences: string[] = [];
  if (wish.isPublic !== undefined && wish.isPublic !== existing.is_public) {
    differences.push(`visibility ${visibility(existing.is_public)} → ${visibility(wish.isPublic)}`);
  }
  if (wish.category !== undefined && wish.category !== (existing.category ?? '')) {
    differences.push(`category ${existing.category || '(none)'} → ${wish.category}`);
  }
  if (wish.description !== undefined && wish.description !== (existing.description ?? '')) {
    differences.push(`description "${existing.description ?? ''}" → "${wish.description}"`);
  }
  return differences;
}
