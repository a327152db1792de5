// The `permissions` input: one user per line, `user-name manage|edit|read [id=<IAM user id>]`.

import { parseDeclarationLines } from '../../../core/action/declaration-lines.ts';
import { splitKeyValue, splitLineTokens } from '../../../core/action/line-tokens.ts';
import { SWR_AUTH_LEVELS, type SwrAuthLevel, type SwrAuthName } from '../field-values.ts';

/** A declared namespace permission; the id is needed only to grant a user who has none yet. */
export interface PermissionWish {
  userName: string;
  userId?: string;
  level: SwrAuthLevel;
}

const NUMERIC: Record<string, SwrAuthName> = { '7': 'manage', '3': 'edit', '1': 'read', write: 'edit' };

/** Parses every line; throws one InputError listing each bad line and why. */
export function parsePermissionLines(lines: readonly string[]): PermissionWish[] {
  return parseDeclarationLines(lines, {
    input: 'permissions',
    parseLine: parsePermissionLine,
    keyOf: (wish) => wish.userName,
    declaredTwice: (userName) => `user "${userName}" is declared twice`,
    usage: 'Write one user per line: user-name manage|edit|read [id=<IAM user id>].',
  });
}

function parsePermissionLine(line: string): PermissionWish {
  const [userName = '', levelText = '', ...rest] = splitLineTokens(line);
  if (levelText === '') throw new Error('give a user name and a level (manage, edit or read)');
  // Own keys only: `in` would also accept inherited members such as "constructor" as a level.
  const lower = levelText.toLowerCase();
  const levelName = Object.hasOwn(SWR_AUTH_LEVELS, lower)
    ? lower
    : Object.hasOwn(NUMERIC, levelText)
      ? NUMERIC[levelText]
      : undefined;
  if (levelName === undefined) {
    throw new Error(`level must be manage, edit or read (7, 3, 1), got "${levelText}"`);
  }
  const wish: PermissionWish = { userName, level: SWR_AUTH_LEVELS[levelName as SwrAuthName] };
  for (const token of rest) {
    const pair = splitKeyValue(token);
    if (pair?.key !== 'id' || pair.value === '') throw new Error(`"${token}" is not id=<IAM user id>`);
    wish.userId = pair.value;
  }
  return wish;
}
