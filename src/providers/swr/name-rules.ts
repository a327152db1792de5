// Name rules of SWR organizations and repositories (spec 4.1.1, 4.2.1): each broken rule gets its own
// message, so a user fixes all at once.
import { adjacentSeparatorProblems, invalidCharacters } from '../../core/path/name-rule-parts.ts';

/** Problems of an SWR namespace name (1–64 chars, `[a-z0-9._-]`, starts with a letter…); empty when valid. */
export function swrNamespaceProblems(name: string): string[] {
  const problems: string[] = [];
  if (name.length < 1 || name.length > 64)
    problems.push(`must be 1 to 64 characters long, got ${name.length}`);
  const bad = invalidCharacters(name, /[a-z0-9._-]/);
  if (bad.length > 0) {
    problems.push(
      `may contain only lowercase letters, digits, ".", "_" and "-", got ${bad.map((c) => `"${c}"`).join(', ')}`,
    );
  }
  if (name.length > 0 && !/^[a-z]/.test(name)) problems.push('must start with a lowercase letter');
  if (name.length > 0 && !/[a-z0-9]$/.test(name)) problems.push('must end with a lowercase letter or digit');
  problems.push(...adjacentSeparatorProblems(name, '._-'));
  return problems;
}

/** Problems of an SWR repository name (1–128 chars, `[a-z0-9./_-]`, letter or digit at both ends). */
export function swrRepositoryProblems(name: string): string[] {
  const problems: string[] = [];
  if (name.length < 1 || name.length > 128)
    problems.push(`must be 1 to 128 characters long, got ${name.length}`);
  const bad = invalidCharacters(name, /[a-z0-9./_-]/);
  if (bad.length > 0) {
    problems.push(
      `may contain only lowercase letters, digits, ".", "/", "_" and "-", got ${bad.map((c) => `"${c}"`).join(', ')}`,
    );
  }
  if (name.length > 0 && !/^[a-z0-9]/.test(name))
    problems.push('must start with a lowercase letter or digit');
  if (name.length > 0 && !/[a-z0-9]$/.test(name)) problems.push('must end with a lowercase letter or digit');
  problems.push(...adjacentSeparatorProblems(name, './_\\-'));
  return problems;
}
