/** `a`, `a or b`, `a, b or c`: alternatives in a message. */
export function eitherOf(words: readonly string[]): string {
  return words.length > 1 ? `${words.slice(0, -1).join(', ')} or ${words.at(-1)}` : (words[0] ?? '');
}
