// Action inputs that point a step at the emulator, signed with the emulator's accepted AK/SK.
import { DEFAULT_CREDENTIALS } from '../emulator/index.ts';

const hw = DEFAULT_CREDENTIALS.huawei;
const bce = DEFAULT_CREDENTIALS.baidu;

/** provider swr in cn-north-4, SWR and IAM both at the emulator. */
export function swrEmulatorInputs(url: string): Record<string, string> {
  return {
    provider: 'swr',
    region: 'cn-north-4',
    endpoint: url,
    'iam-endpoint': url,
    'access-key-id': hw.accessKeyId,
    'secret-access-key': hw.secretAccessKey,
  };
}

/** provider swr in cn-north-4, signed in with the emulator's IAM user (password token). */
export function swrPasswordEmulatorInputs(url: string): Record<string, string> {
  return {
    provider: 'swr',
    region: 'cn-north-4',
    endpoint: url,
    'iam-endpoint': url,
    'iam-username': hw.userName,
    'iam-password': hw.password,
    'iam-domain': hw.domainName,
  };
}

/** provider ccr in bj, the CCR API at the emulator. */
export function ccrEmulatorInputs(url: string): Record<string, string> {
  return {
    provider: 'ccr',
    region: 'bj',
    endpoint: url,
    'access-key-id': bce.accessKeyId,
    'secret-access-key': bce.secretAccessKey,
  };
}
