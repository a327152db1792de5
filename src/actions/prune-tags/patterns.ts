// Repository patterns (globs) of the `repositories` input, and the glob matcher tag patterns share.

/** True when a repository pattern holds glob characters (`*`, `?`). */
export function isGlob(pattern: string): boolean {
  return /[*?]/.test(pattern);
}

/** A glob as an anchored regex: `*` any run of characters (also `/`), `?` exactly one. */
export function globToRegExp(glob: string): RegExp {
  const body = [...glob]
    .map((char) => (char === '*' ? '.*' : char === '?' ? '.' : char.replace(/[\\^$.|+()[\]{}]/g, '\\$&')))
    .join('');
  return new RegExp(`^${body}$`);
}

/** Repository names that match any of the patterns, sorted; literal names pass through unchanged. */
export function selectRepositories(patterns: readonly string[], available: readonly string[]): string[] {
  const chosen = new Set<string>();
  for (const pattern of patterns) {
    if (!isGlob(pattern)) {
      chosen.add(pattern);
      continue;
    }
    const regex = globToRegExp(pattern);
    for (const name of available) if (regex.test(name)) chosen.add(name);
  }
  return [...chosen].sort();
}
