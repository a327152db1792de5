/** `1 tag`, `2 tags`: counts in log lines and the summary read as sentences. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
