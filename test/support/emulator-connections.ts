// Provider connections to the emulator with its accepted AK/SK, for provider client tests.
import type { CcrConnection } from '../../src/providers/ccr/connection.ts';
import type { SwrConnection } from '../../src/providers/swr/connection.ts';
import { DEFAULT_CREDENTIALS } from '../emulator/index.ts';

const hw = DEFAULT_CREDENTIALS.huawei;
const bce = DEFAULT_CREDENTIALS.baidu;

/** SWR in cn-north-4 with SWR and IAM at the emulator. */
export function swrEmulatorConnection(url: string): SwrConnection {
  return {
    provider: 'swr',
    region: 'cn-north-4',
    endpoint: new URL(url),
    iamEndpoint: new URL(url),
    auth: {
      method: 'aksk',
      credentials: { accessKeyId: hw.accessKeyId, secretAccessKey: hw.secretAccessKey },
      source: 'test',
    },
  };
}

/** CCR in bj with the API at the emulator (no instance: the caller names it per call). */
export function ccrEmulatorConnection(url: string): CcrConnection {
  return {
    provider: 'ccr',
    region: 'bj',
    endpoint: new URL(url),
    auth: {
      method: 'aksk',
      credentials: { accessKeyId: bce.accessKeyId, secretAccessKey: bce.secretAccessKey },
      source: 'test',
    },
  };
}
