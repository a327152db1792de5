/** `1 tag`, `2 tags`, `2 repositories`: counts in log lines and the summary read as sentences. */
export function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : nouns}`;
}
