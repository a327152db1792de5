// The credentials the emulator accepts by default; a seed may override any of them.

/** Huawei account: AK/SK for SDK-HMAC-SHA256 and an IAM user for password tokens. */
export interface HuaweiEmulatorCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  /** Required as `X-Security-Token` when set (temporary AK/SK). */
  securityToken?: string;
  userName: string;
  userId: string;
  password: string;
  domainName: string;
  domainId: string;
  projectId: string;
}

/** Baidu account: AK/SK for bce-auth-v1 and the docker user name of the account's user. */
export interface BaiduEmulatorCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  /** Required as `x-bce-security-token` when set (STS credentials). */
  sessionToken?: string;
  userId: string;
  dockerUserName: string;
}

export interface EmulatorCredentials {
  huawei: HuaweiEmulatorCredentials;
  baidu: BaiduEmulatorCredentials;
}

/** Defaults documented in docs/emulator.md. */
export const DEFAULT_CREDENTIALS: EmulatorCredentials = {
  huawei: {
    accessKeyId: 'HWEMUAK00000000000001',
    secretAccessKey: 'hw-emu-secret-key-0123456789',
    userName: 'emu-user',
    userId: 'emu-user-id-0000000000000000000001',
    password: 'emu-Passw0rd!',
    domainName: 'emu-domain',
    domainId: 'emu-domain-id-00000000000000000001',
    projectId: 'emu-project-id-0000000000000000001',
  },
  baidu: {
    accessKeyId: 'bce-emu-ak-00000001',
    secretAccessKey: 'bce-emu-sk-0123456789',
    userId: 'emu-user-id',
    dockerUserName: 'emu-docker-user',
  },
};

/** The default CCR enterprise instance. */
export const DEFAULT_CCR_INSTANCE = {
  id: 'ccr-emu00001',
  name: 'emu-instance',
  publicURL: 'ccr-emu00001-pub.cnc.bd.baidubce.com',
  privateURL: 'ccr-emu00001-vpc.cnc.bd.baidubce.com',
} as const;

/** Defaults merged with partial overrides from a seed. */
export function mergeCredentials(overrides?: {
  huawei?: Partial<HuaweiEmulatorCredentials>;
  baidu?: Partial<BaiduEmulatorCredentials>;
}): EmulatorCredentials {
  return {
    huawei: { ...DEFAULT_CREDENTIALS.huawei, ...overrides?.huawei },
    baidu: { ...DEFAULT_CREDENTIALS.baidu, ...overrides?.baidu },
  };
}
