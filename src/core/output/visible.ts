// The one escape for text a server, a listing or a user wrote, before it reaches a log line, an
// annotation or an error: line breaks, control characters, ESC and invisible direction marks become
// visible escapes, and nothing in it can be read by the runner as a workflow command.

/** Characters shown as escapes: C0 controls, DEL, C1 controls, line/paragraph separators, bidi and zero-width marks. */
const HIDDEN =
  /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ud800-\udfff]/gu;

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\u001b': '\\e' };

/**
 * Pure: one line of text that shows what `text` holds. CR, LF, tab and ESC become `\r`, `\n`, `\t`,
 * `\e`; other hidden characters `\xNN` or `\u{NNNN}`; the runner's legacy command marker `##[` becomes
 * `##\[`, and a leading `:` (after spaces) becomes `\:` so no line can start with `::`. Idempotent.
 */
export function visible(text: string): string {
  const escaped = text.replace(HIDDEN, escapeOne).replaceAll('##[', '##\\[');
  return escaped.replace(/^(\s*):/, '$1\\:');
}

function escapeOne(char: string): string {
  const named = NAMED[char];
  if (named) return named;
  const code = char.codePointAt(0) ?? 0;
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
}

/** Pure: `visible` for each line of text the project wrote itself, keeping its own line breaks. */
export function visibleLines(text: string): string {
  return text.split('\n').map(visible).join('\n');
}
