// Rules for the values that go into request paths, each returning its problems (empty when valid):
// the OCI grammars for tags and repository names, and numeric ids.

/** OCI distribution spec, "Pulling manifests": `[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}`. */
export function ociTagProblems(tag: string): string[] {
  if (tag.length === 0) return ['is empty'];
  const problems: string[] = [];
  if (tag.length > 128) problems.push(`is ${tag.length} characters long, more than 128`);
  if (!/^[A-Za-z0-9_]/.test(tag)) problems.push('must start with a letter, digit or "_"');
  if (!/^.[A-Za-z0-9._-]*$/su.test(tag)) problems.push('may contain only letters, digits, ".", "_" and "-"');
  return problems;
}

const OCI_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const OCI_REPOSITORY = new RegExp(`^${OCI_COMPONENT}(?:/${OCI_COMPONENT})*$`);

/**
 * OCI distribution spec repository name: lowercase components `[a-z0-9]+` joined by `.`, `_`, `__` or
 * runs of `-`, separated by `/`; at most 255 characters.
 */
export function ociRepositoryProblems(name: string): string[] {
  if (name.length === 0) return ['is empty'];
  const problems: string[] = [];
  if (name.length > 255) problems.push(`is ${name.length} characters long, more than 255`);
  if (!OCI_REPOSITORY.test(name)) {
    problems.push(
      'is not a repository name (lowercase letters and digits, joined by ".", "_", "__" or "-", parts separated by "/")',
    );
  }
  return problems;
}

/** A decimal id as the APIs issue them: digits only, no sign, at most 18 of them. */
export function numericIdProblems(id: string): string[] {
  return /^[0-9]{1,18}$/.test(id) ? [] : ['is not a numeric id (1 to 18 digits)'];
}

/** The least every path segment must satisfy: something, not a dot segment, no hidden characters. */
export function plainSegmentProblems(value: string): string[] {
  if (value === '') return ['is empty'];
  if (value === '.' || value === '..') return ['is a dot segment, which would change the path'];
  if (/[\u0000-\u001f\u007f]/.test(value)) return ['contains control characters'];
  return [];
}
