// The server-side signature verifiers the emulator uses (test/emulator/auth/), behind one small interface.
import type { ReceivedRequest, VerifyResult } from './auth/received-request.ts';
import { verifyBaiduRequest } from './auth/verify-baidu.ts';
import { verifyHuaweiRequest } from './auth/verify-huawei.ts';

export type { ReceivedRequest, VerifyResult } from './auth/received-request.ts';

export type Verifier = (
  request: ReceivedRequest,
  secretFor: (accessKeyId: string) => string | undefined,
  now: Date,
  skewSeconds: number,
) => VerifyResult | Promise<VerifyResult>;

export interface Verifiers {
  huawei?: Verifier;
  baidu?: Verifier;
}

/** SDK-HMAC-SHA256 and bce-auth-v1 verification. */
export async function loadVerifiers(): Promise<Verifiers> {
  return { huawei: verifyHuaweiRequest, baidu: verifyBaiduRequest };
}
