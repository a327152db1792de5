// The values SWR accepts in two fields the inputs declare, apart from the calls that send them, so reading
// the inputs loads no client code.

/** Repository types SWR accepts for `category` (spec 4.2.1). */
export const SWR_CATEGORIES = [
  'app_server',
  'linux',
  'framework_app',
  'database',
  'lang',
  'arm',
  'other',
] as const;
export type SwrCategory = (typeof SWR_CATEGORIES)[number];

/** SWR's permission levels by the names the action uses. */
export const SWR_AUTH_LEVELS = { manage: 7, edit: 3, read: 1 } as const;
export type SwrAuthName = keyof typeof SWR_AUTH_LEVELS;
export type SwrAuthLevel = (typeof SWR_AUTH_LEVELS)[SwrAuthName];
