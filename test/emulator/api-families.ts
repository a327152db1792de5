// The API families served from separate hosts: IAM, SWR, CCR enterprise, CCR personal and GitHub's API.
import type { Route } from './route-types.ts';

export const API_FAMILIES = ['iam', 'swr', 'ccr', 'ccrPersonal', 'github'] as const;
export type ApiFamily = (typeof API_FAMILIES)[number];

/** The family a route belongs to; CCR personal calls live under `/v1/ccr/` on their own host. */
export function familyOfRoute(route: Route): ApiFamily | undefined {
  if (route.provider === 'admin') return undefined;
  if (route.provider === 'ccr') return route.path.startsWith('/v1/ccr/') ? 'ccrPersonal' : 'ccr';
  return route.provider;
}
