// The `permissions` input: one user per line, `user-name manage|edit|read [id=<IAM user id>]`.
import { InputError } from '../../core/errors/errors.ts';
import { SWR_AUTH_LEVELS, type SwrAuthLevel, type SwrAuthName } from '../../providers/swr/permissions.ts';
import { splitKeyValue, splitLineTokens } from './line-tokens.ts';

/** A declared namespace permission; the id is needed only to grant a user who has none yet. */
export interface PermissionWish {
  userName: string;
  userId?: string;
  level: SwrAuthLevel;
}

const INPUT = 'permissions';
const NUMERIC: Record<string, SwrAuthName> = { '7': 'manage', '3': 'edit', '1': 'read', write: 'edit' };

/** Parses every line; throws one InputError listing each bad line and why. */
export function parsePermissionLines(lines: readonly string[]): PermissionWish[] {
  const wishes: PermissionWish[] = [];
  const problems: string[] = [];
  for (const line of lines) {
    try {
      const wish = parsePermissionLine(line);
      if (wishes.some((other) => other.userName === wish.userName)) {
        throw new Error(`user "${wish.userName}" is declared twice`);
      }
      wishes.push(wish);
    } catch (error) {
      problems.push(`line "${line}": ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (problems.length > 0) {
    throw new InputError(
      INPUT,
      `Input '${INPUT}' is not valid:\n  ${problems.join('\n  ')}\n` +
        'Write one user per line: user-name manage|edit|read [id=<IAM user id>].',
    );
  }
  return wishes;
}

function parsePermissionLine(line: string): PermissionWish {
  const [userName = '', levelText = '', ...rest] = splitLineTokens(line);
  if (levelText === '') throw new Error('give a user name and a level (manage, edit or read)');
  const levelName = levelText.toLowerCase() in SWR_AUTH_LEVELS ? levelText.toLowerCase() : NUMERIC[levelText];
  if (levelName === undefined || !(levelName in SWR_AUTH_LEVELS)) {
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
