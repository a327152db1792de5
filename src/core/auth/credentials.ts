import type { BaiduCredentials, HuaweiCredentials } from '../signing/index.ts';

export type { BaiduCredentials };

/** How a Huawei action signs in, as resolved from inputs and environment. */
export type HuaweiAuth =
  | { method: 'aksk'; credentials: HuaweiCredentials; source: string }
  | { method: 'password'; username: string; password: string; domain: string; source: string }
  | { method: 'oidc'; idpId: string; audience?: string; source: string };

/** How a Baidu action signs in (AK/SK only: CCR has no token sign-in). */
export interface BaiduAuth {
  method: 'aksk';
  credentials: BaiduCredentials;
  source: string;
}

/** The `auth` input: `auto` picks the first credential set found (see docs/keyless.md and README). */
export type AuthMethod = 'auto' | 'aksk' | 'password' | 'oidc';

export const AUTH_METHODS: readonly AuthMethod[] = ['auto', 'aksk', 'password', 'oidc'];
