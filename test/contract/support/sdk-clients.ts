// The official Huawei Cloud SDKs (devDependencies, never bundled), loaded through Node's own require
// (their CommonJS index does not survive an ESM transform), with clients aimed at a capture server.
import { createRequire } from 'node:module';
import type { IamClient } from '@huaweicloud/huaweicloud-sdk-iam/v3/public-api.js';
import type { SwrClient } from '@huaweicloud/huaweicloud-sdk-swr';

const require = createRequire(import.meta.url);
export const huaweiCore =
  require('@huaweicloud/huaweicloud-sdk-core') as typeof import('@huaweicloud/huaweicloud-sdk-core');
export const swrSdk =
  require('@huaweicloud/huaweicloud-sdk-swr') as typeof import('@huaweicloud/huaweicloud-sdk-swr');
export const iamSdk =
  require('@huaweicloud/huaweicloud-sdk-iam/v3/public-api.js') as typeof import('@huaweicloud/huaweicloud-sdk-iam/v3/public-api.js');

export const CONTRACT_KEYS = {
  accessKeyId: 'CONTRACTAK0000000001',
  secretAccessKey: 'contract-sk-secret-0001',
};

/** The SDK's SWR client with AK/SK, sending to `url`. */
export function sdkSwrClient(url: string): SwrClient {
  const credentials = new huaweiCore.BasicCredentials()
    .withAk(CONTRACT_KEYS.accessKeyId)
    .withSk(CONTRACT_KEYS.secretAccessKey)
    .withProjectId('contract-project');
  return swrSdk.SwrClient.newBuilder().withCredential(credentials).withEndpoint(url).build();
}

/** The SDK's IAM client, sending to `url`. */
export function sdkIamClient(url: string): IamClient {
  const credentials = new huaweiCore.GlobalCredentials()
    .withAk(CONTRACT_KEYS.accessKeyId)
    .withSk(CONTRACT_KEYS.secretAccessKey)
    .withDomainId('contract-domain');
  return iamSdk.IamClient.newBuilder().withCredential(credentials).withEndpoint(url).build();
}
