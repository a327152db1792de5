/** RFC 3986 percent-encoding of every byte but the unreserved set `A-Z a-z 0-9 - . _ ~` (both vendors' rule). */
export function percentEncode(value: string): string {
  // encodeURIComponent also leaves ! ' ( ) * alone; the signing schemes encode them.
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}
