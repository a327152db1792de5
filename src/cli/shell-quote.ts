// Outputs as POSIX shell assignments that a terminal (or a runner reading stdout) shows without acting on:
// `sh`, `dash` and `bash` read each back as exactly the value, every assignment is one line, and no control
// character, line break, invisible mark or legacy runner command marker (`##[`) is printed raw.

/** Characters never printed raw: those `visible` escapes in logs (line feed included). */
const HIDDEN =
  /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]|[\ud800-\udfff]/u;

/** The runner's legacy command marker, acted on anywhere in a line. */
const COMMAND_MARKER = '##[';

/** Pure: `value` as a single-quoted shell word (or bare, when it is plain); for values without HIDDEN characters. */
function quotedWord(value: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * Pure: `NAME=value` as one line of shell. A value with hidden characters (or `##[`) goes through printf's `%b`, its
 * bytes as octal escapes, plus a `_` that keeps command substitution from eating trailing line feeds,
 * removed again: `NAME="$(printf '%b_' 'a\0012b')"; NAME="${NAME%_}"`.
 */
export function shellAssignment(name: string, value: string, options: { exported: boolean }): string {
  const prefix = options.exported ? 'export ' : '';
  if (!HIDDEN.test(value) && !value.includes(COMMAND_MARKER)) return `${prefix}${name}=${quotedWord(value)}`;
  // `[` after `##` as an octal escape: a runner reading stdout sees no `##[` command anywhere in the line.
  const escaped = [...value].map(escapeChar).join('').replaceAll(COMMAND_MARKER, '##\\0133');
  return `${name}="$(printf '%b_' '${escaped}')"; ${prefix}${name}="\${${name}%_}"`;
}

/** One character of a `%b` argument inside single quotes: itself, a backslash doubled, octal escapes. */
function escapeChar(char: string): string {
  if (HIDDEN.test(char)) return octal(char);
  if (char === '\\') return '\\\\';
  if (char === "'") return `'\\''`;
  return char;
}

function octal(char: string): string {
  return [...Buffer.from(char, 'utf8')].map((byte) => `\\0${byte.toString(8).padStart(3, '0')}`).join('');
}

/** Pure: `name` as a shell variable name: upper case, `-` and other non-word characters as `_`. */
export function variableName(name: string): string {
  return name.toUpperCase().replace(/[^A-Z0-9_]/g, '_');
}
