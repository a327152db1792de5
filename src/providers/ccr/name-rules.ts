// Name rule of CCR namespaces (enterprise supplement, "Create namespace").
import { invalidCharacters } from '../../core/path/name-rule-parts.ts';

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
