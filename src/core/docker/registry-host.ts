/**
 * The config.json key for a registry: host and optional port, without scheme, path or trailing slash
 * (what `docker login <host>` writes). Undefined when the text is not a host.
 */
export function registryKey(text: string): string | undefined {
  const trimmed = text
    .trim()
    .replace(/^[a-z]+:\/\//i, '')
    .replace(/\/+$/, '');
  if (!/^[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:\d{1,5})?$/i.test(trimmed)) return undefined;
  return trimmed.toLowerCase();
}

/** Keys docker may also have used for the same registry (`https://host`, `http://host/`…). */
export function isSameRegistry(key: string, registry: string): boolean {
  return registryKey(key.replace(/\/v[12]\/?$/, '')) === registry;
}
