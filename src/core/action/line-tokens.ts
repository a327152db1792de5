// Splits one declaration line into words: `name key=value key="quoted value"`.

/** Words of a line, split on blanks; `"..."` keeps blanks and `\"` / `\\` escape. Throws on an open quote. */
export function splitLineTokens(line: string): string[] {
  const tokens: string[] = [];
  let current = '';
  let inToken = false;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line.charAt(i);
    if (quoted) {
      if (char === '\\' && (line[i + 1] === '"' || line[i + 1] === '\\')) current += line[++i];
      else if (char === '"') quoted = false;
      else current += char;
    } else if (char === '"') {
      quoted = true;
      inToken = true;
    } else if (/\s/.test(char)) {
      if (inToken) tokens.push(current);
      current = '';
      inToken = false;
    } else {
      current += char;
      inToken = true;
    }
  }
  if (quoted) throw new Error('a double quote is not closed');
  if (inToken) tokens.push(current);
  return tokens;
}

/** Splits `key=value` at the first `=`; undefined when there is none. */
export function splitKeyValue(token: string): { key: string; value: string } | undefined {
  const at = token.indexOf('=');
  if (at <= 0) return undefined;
  return { key: token.slice(0, at).toLowerCase(), value: token.slice(at + 1) };
}
