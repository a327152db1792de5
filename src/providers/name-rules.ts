// Name rules of SWR organizations and repositories (spec 4.1.1, 4.2.1) and CCR namespaces
// (enterprise supplement): each broken rule gets its own message, so a user fixes all at once.

/** Runs of separators; only `__` (two underscores) may stand together. */
function adjacentSeparatorProblems(name: string, separators: string): string[] {
  const runs = name.match(new RegExp(`[${separators}]{2,}`, 'g')) ?? [];
  return runs
    .filter((run) => run !== '__')
    .map((run) =>
      /^_+$/.test(run)
        ? `has "${run}": at most two underscores may stand together`
        : `has "${run}": separators (${separators.replace('\\', '')}) may not stand next to each other, except "__"`,
    );
}

function invalidCharacters(name: string, allowed: RegExp): string[] {
  return [...new Set([...name].filter((char) => !allowed.test(char)))];
}

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

/** Problems of a CCR namespace name (`[a-z0-9._-]`, no separator at either end, not all digits). */
export function ccrNamespaceProblems(name: string): string[] {
  const problems: string[] = [];
  if (name.length === 0) return ['must not be empty'];
  const bad = invalidCharacters(name, /[a-z0-9._-]/);
  if (bad.length > 0) {
    problems.push(
      `may contain only lowercase letters, digits, ".", "_" and "-", got ${bad.map((c) => `"${c}"`).join(', ')}`,
    );
  }
  if (/^[._-]/.test(name)) problems.push('must not start with ".", "_" or "-"');
  if (/[._-]$/.test(name)) problems.push('must not end with ".", "_" or "-"');
  if (/^\d+$/.test(name)) problems.push('must not consist of digits only');
  return problems;
}
