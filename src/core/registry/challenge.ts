// The registry's answer to a request without credentials (`WWW-Authenticate`), as the v2 API defines it.

/** How the registry wants to be asked: the docker login pair itself, or a token from `realm`. */
export type Challenge =
  | { scheme: 'basic' }
  | { scheme: 'bearer'; realm: string; service?: string; scope?: string }
  | { scheme: 'unknown' };

/** Reads `Basic realm="…"` or `Bearer realm="…",service="…",scope="…"`; anything else is 'unknown'. */
export function parseChallenge(header: string | undefined): Challenge {
  const text = (header ?? '').trim();
  const scheme = /^(\w+)/.exec(text)?.[1]?.toLowerCase();
  if (scheme === 'basic') return { scheme: 'basic' };
  if (scheme !== 'bearer') return { scheme: 'unknown' };
  const params = new Map<string, string>();
  for (const match of text
    .slice(scheme.length)
    .matchAll(/([\w-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))/g)) {
    const [, key = '', quoted, bare] = match;
    params.set(key.toLowerCase(), (quoted ?? bare ?? '').replace(/\\(.)/g, '$1'));
  }
  const realm = params.get('realm');
  if (!realm) return { scheme: 'unknown' };
  const challenge: Challenge = { scheme: 'bearer', realm };
  const service = params.get('service');
  const scope = params.get('scope');
  if (service !== undefined) challenge.service = service;
  if (scope !== undefined) challenge.scope = scope;
  return challenge;
}
