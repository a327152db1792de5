/** The values of the listed headers, or the first listed name that was not received. */
export function signedHeaderValues(
  headers: Readonly<Record<string, string>>,
  names: readonly string[],
): { values: Record<string, string> } | { missing: string } {
  const values: Record<string, string> = {};
  for (const name of names) {
    const value = headers[name];
    if (value === undefined) return { missing: name };
    values[name] = value;
  }
  return { values };
}
