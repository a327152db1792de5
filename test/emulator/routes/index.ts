// Every route module of the emulator, in one list: adding a module is one line here.
import type { Route } from '../route-types.ts';
import { adminRoutes } from './admin.ts';
import { ccrInstanceRoutes } from './ccr-instances.ts';
import { ccrLinkRoutes } from './ccr-links.ts';
import { ccrPersonalRoutes } from './ccr-personal.ts';
import { ccrProjectRoutes } from './ccr-projects.ts';
import { ccrTagRoutes } from './ccr-tags.ts';
import { githubRoutes } from './github.ts';
import { iamRoutes } from './iam.ts';
import { iamOidcRoutes } from './iam-oidc.ts';
import { swrAccessRoutes } from './swr-access.ts';
import { swrNamespaceRoutes } from './swr-namespaces.ts';
import { swrRepositoryRoutes } from './swr-repos.ts';
import { swrRetentionRoutes } from './swr-retentions.ts';
import { swrTagRoutes } from './swr-tags.ts';
import { swrUtilRoutes } from './swr-utils.ts';

/** All routes; the router prefers literal path segments, so order does not matter. */
export const routes: Route[] = [
  ...adminRoutes,
  ...iamRoutes,
  ...iamOidcRoutes,
  ...swrNamespaceRoutes,
  ...swrRepositoryRoutes,
  ...swrTagRoutes,
  ...swrAccessRoutes,
  ...swrRetentionRoutes,
  ...swrUtilRoutes,
  ...ccrPersonalRoutes,
  ...ccrInstanceRoutes,
  ...ccrProjectRoutes,
  ...ccrTagRoutes,
  ...ccrLinkRoutes,
  ...githubRoutes,
];
