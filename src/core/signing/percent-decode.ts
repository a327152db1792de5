/** Decodes one path segment as it arrived on the wire; a malformed `%` sequence is kept literally. */
export function percentDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
