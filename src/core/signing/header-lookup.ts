/** The value of a header whatever the case of its name, or undefined. */
export function findHeader(headers: Readonly<Record<string, string>>, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === wanted) return value;
  return undefined;
}

/** Sets a header under the given name, dropping any copy under another case (a re-sign replaces). */
export function setHeader(headers: Record<string, string>, name: string, value: string): void {
  deleteHeader(headers, name);
  headers[name] = value;
}

/** Removes a header whatever the case of its name. */
export function deleteHeader(headers: Record<string, string>, name: string): void {
  const wanted = name.toLowerCase();
  for (const key of Object.keys(headers)) if (key.toLowerCase() === wanted) delete headers[key];
}

/** The headers as signed: those given plus `host` from the URL (with a non-default port) unless set. */
export function withHost(headers: Readonly<Record<string, string>>, url: URL): Record<string, string> {
  return findHeader(headers, 'host') === undefined ? { ...headers, host: url.host } : { ...headers };
}
