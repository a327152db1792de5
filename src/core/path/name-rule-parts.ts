// Pieces the registries' name rules share: separators standing together, characters outside a set.

/** Runs of separators; only `__` (two underscores) may stand together. */
export function adjacentSeparatorProblems(name: string, separators: string): string[] {
  const runs = name.match(new RegExp(`[${separators}]{2,}`, 'g')) ?? [];
  return runs
    .filter((run) => run !== '__')
    .map((run) =>
      /^_+$/.test(run)
        ? `has "${run}": at most two underscores may stand together`
        : `has "${run}": separators (${separators.replace('\\', '')}) may not stand next to each other, except "__"`,
    );
}

/** The distinct characters of `name` that `allowed` does not match. */
export function invalidCharacters(name: string, allowed: RegExp): string[] {
  return [...new Set([...name].filter((char) => !allowed.test(char)))];
}
