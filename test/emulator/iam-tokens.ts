// IAM tokens: issued by the IAM routes, checked by SWR auth, revoked by faults.
import { randomBytes } from 'node:crypto';
import type { EmulatorState, IamToken } from './state.ts';

/** Issues a token for a user that expires after the state's token lifetime. */
export function issueIamToken(
  state: EmulatorState,
  userName: string,
  method: string,
  now: Date,
): { token: string; record: IamToken } {
  // Real tokens are long opaque strings starting with MII; the length does not matter to clients.
  const token = `MIIemu${randomBytes(48).toString('base64url')}`;
  const record: IamToken = {
    userName,
    method,
    expiresAt: new Date(now.getTime() + state.tokenLifetimeSeconds * 1000),
  };
  state.iamTokens.set(token, record);
  return { token, record };
}

/** The `token` object of an IAM token response body. */
export function iamTokenBody(state: EmulatorState, record: IamToken, now: Date, projectName?: string) {
  const user = state.credentials.huawei;
  return {
    token: {
      expires_at: record.expiresAt.toISOString(),
      issued_at: now.toISOString(),
      methods: [record.method],
      user: { name: record.userName, id: user.userId, domain: { name: user.domainName, id: user.domainId } },
      ...(projectName
        ? {
            project: {
              name: projectName,
              id: user.projectId,
              domain: { name: user.domainName, id: user.domainId },
            },
          }
        : {}),
      catalog: [],
      roles: [{ name: 'te_admin', id: '0' }],
    },
  };
}
