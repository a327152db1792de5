// Matches a request path to a route: literal segments win over parameters; path known but method not → 405.
import type { Route } from './route-types.ts';

export type RouteMatch =
  | { kind: 'found'; route: Route; params: Record<string, string> }
  | { kind: 'method-not-allowed'; route: Route }
  | { kind: 'not-found' };

function segments(path: string): string[] {
  return path.split('/').filter((s) => s !== '');
}

function decode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/** Params and specificity (literal segment count) of a pattern against a path, or undefined. */
function matchPattern(
  pattern: string,
  path: string,
): { params: Record<string, string>; literals: number } | undefined {
  const want = segments(pattern);
  const got = segments(path);
  if (want.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  let literals = 0;
  for (let i = 0; i < want.length; i++) {
    const w = want[i]!;
    const value = decode(got[i]!);
    if (value === undefined) return undefined;
    if (w.startsWith(':')) params[w.slice(1)] = value;
    else if (w === value) literals += 1;
    else return undefined;
  }
  return { params, literals };
}

/** The route for a method and raw path. */
export function matchRoute(routes: readonly Route[], method: string, path: string): RouteMatch {
  let best: { route: Route; params: Record<string, string>; literals: number } | undefined;
  let pathOnly: Route | undefined;
  for (const route of routes) {
    const match = matchPattern(route.path, path);
    if (!match) continue;
    if (route.method !== method) {
      pathOnly ??= route;
      continue;
    }
    if (!best || match.literals > best.literals) best = { route, ...match };
  }
  if (best) return { kind: 'found', route: best.route, params: best.params };
  return pathOnly ? { kind: 'method-not-allowed', route: pathOnly } : { kind: 'not-found' };
}
