// Where and how an SWR action connects: the inputs region, endpoint, iam-endpoint and the credentials.
import type { InputReader } from '../../core/action/input-reader.ts';
import type { HuaweiAuth } from '../../core/auth/credentials.ts';
import { resolveHuaweiAuth } from '../../core/auth/resolve-huawei.ts';
import type { ApiClient } from '../../core/http/types.ts';
import { readEndpoint, readRegion } from '../seam/connection-inputs.ts';
import type { SwrConnectOptions } from './connect.ts';

/** Where and how a Huawei SWR action connects (inputs provider, region, endpoint, iam-endpoint, credentials). */
export interface SwrConnection {
  provider: 'swr';
  /** e.g. cn-north-4; also the IAM project name tokens are scoped to. */
  region: string;
  /** Overrides `https://swr-api.{region}.myhuaweicloud.com`. */
  endpoint?: URL;
  /** Overrides `https://iam.{region}.myhuaweicloud.com`. */
  iamEndpoint?: URL;
  auth: HuaweiAuth;
}

const HUAWEI_REGION = /^[a-z]{2,}(-[a-z]+)+-\d+$/;

/** Validated SWR connection inputs; credentials resolved (and masked) as resolveHuaweiAuth documents. */
export function readSwrConnection(reader: InputReader): SwrConnection {
  const region = readRegion(
    reader,
    HUAWEI_REGION,
    'a Huawei Cloud region such as cn-north-4 or ap-southeast-1',
  );
  const endpoint = readEndpoint(reader, 'endpoint');
  const iamEndpoint = readEndpoint(reader, 'iam-endpoint');
  const connection: SwrConnection = { provider: 'swr', region, auth: resolveHuaweiAuth(reader) };
  if (endpoint) connection.endpoint = endpoint;
  if (iamEndpoint) connection.iamEndpoint = iamEndpoint;
  return connection;
}

/**
 * connectSwr, whose code (signing, IAM, the HTTP client) is loaded at this call: a step that stops on its
 * inputs never reads it.
 */
export async function connectSwrWhenNeeded(
  connection: SwrConnection,
  options?: SwrConnectOptions,
): Promise<ApiClient> {
  const { connectSwr } = await import('./connect.ts');
  return connectSwr(connection, options);
}
