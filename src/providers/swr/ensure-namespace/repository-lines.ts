// The `repositories` input: one repository per line, `name [visibility=…] [category=…] [description="…"]`.

import { parseDeclarationLines } from '../../../core/action/declaration-lines.ts';
import { splitKeyValue, splitLineTokens } from '../../../core/action/line-tokens.ts';
import { SWR_CATEGORIES, type SwrCategory } from '../field-values.ts';
import { swrRepositoryProblems } from '../name-rules.ts';

/** A declared repository; attributes left out are not compared (and default on create). */
export interface RepositoryWish {
  name: string;
  isPublic?: boolean;
  category?: SwrCategory;
  description?: string;
}

/** Parses every line; throws one InputError listing each bad line and why. */
export function parseRepositoryLines(lines: readonly string[]): RepositoryWish[] {
  return parseDeclarationLines(lines, {
    input: 'repositories',
    parseLine: parseRepositoryLine,
    keyOf: (wish) => wish.name,
    declaredTwice: (name) => `"${name}" is declared twice`,
    usage:
      'Write one repository per line: name [visibility=private|public] [category=<type>] [description="text"].',
  });
}

function parseRepositoryLine(line: string): RepositoryWish {
  const [name = '', ...attributes] = splitLineTokens(line);
  const nameProblems = swrRepositoryProblems(name);
  if (nameProblems.length > 0) throw new Error(`repository name "${name}" ${nameProblems.join('; ')}`);
  const wish: RepositoryWish = { name };
  for (const token of attributes) {
    const pair = splitKeyValue(token);
    if (!pair) throw new Error(`"${token}" is not key=value`);
    applyAttribute(wish, pair.key, pair.value);
  }
  return wish;
}

function applyAttribute(wish: RepositoryWish, key: string, value: string): void {
  if (key === 'visibility') {
    if (value !== 'private' && value !== 'public')
      throw new Error(`visibility must be private or public, got "${value}"`);
    wish.isPublic = value === 'public';
  } else if (key === 'category') {
    const category = SWR_CATEGORIES.find((candidate) => candidate === value);
    if (!category) throw new Error(`category must be one of ${SWR_CATEGORIES.join(', ')}, got "${value}"`);
    wish.category = category;
  } else if (key === 'description') {
    wish.description = value;
  } else {
    throw new Error(`unknown attribute "${key}" (known: visibility, category, description)`);
  }
}
