/** `1 tag`, `3 tags`, `2 repositories`: counts in logs, messages and summaries read as sentences. */
export function plural(count: number, noun: string): string {
  const word = count === 1 ? noun : /[^aeiou]y$/.test(noun) ? `${noun.slice(0, -1)}ies` : `${noun}s`;
  return `${count} ${word}`;
}
