// Where and how a CCR action connects: the inputs region, endpoint, instance-id and the credentials.
import type { InputReader } from '../../core/action/input-reader.ts';
import type { BaiduAuth } from '../../core/auth/credentials.ts';
import { resolveBaiduAuth } from '../../core/auth/resolve-baidu.ts';
import { InputError } from '../../core/errors/errors.ts';
import type { ApiClient } from '../../core/http/types.ts';
import { readEndpoint, readRegion } from '../seam/connection-inputs.ts';
import type { CcrConnectOptions } from './connect.ts';

interface CcrConnectionBase {
  provider: 'ccr';
  /** e.g. bj, gz, su. */
  region: string;
  /** Overrides `https://ccr.{region}.baidubce.com` (enterprise) or `https://ccr.baidubce.com` (personal). */
  endpoint?: URL;
  auth: BaiduAuth;
}

/** CCR enterprise: an instance (ccr-xxxxxxxx) named by `instance-id`. */
export interface CcrEnterpriseConnection extends CcrConnectionBase {
  instanceId: string;
}

/** CCR personal edition: no instance. */
interface CcrPersonalConnection extends CcrConnectionBase {
  instanceId?: undefined;
}

/** Where and how a Baidu CCR action connects (inputs provider, region, endpoint, instance-id, credentials). */
export type CcrConnection = CcrEnterpriseConnection | CcrPersonalConnection;

const BAIDU_REGION = /^[a-z][a-z0-9]{1,15}$/;
const INSTANCE_ID = /^ccr-[a-z0-9]+$/;

/** Validated CCR connection inputs; credentials resolved (and masked) as resolveBaiduAuth documents. */
export function readCcrConnection(reader: InputReader): CcrConnection {
  const region = readRegion(reader, BAIDU_REGION, 'a Baidu Cloud region such as bj, gz or su');
  const endpoint = readEndpoint(reader, 'endpoint');
  const instanceId = reader.optional('instance-id');
  if (instanceId !== undefined && !INSTANCE_ID.test(instanceId)) {
    throw new InputError(
      'instance-id',
      `Input 'instance-id' must be a CCR enterprise instance id such as ccr-4k74gw7d, got "${instanceId}".`,
    );
  }
  const connection: CcrConnection = { provider: 'ccr', region, auth: resolveBaiduAuth(reader) };
  if (endpoint) connection.endpoint = endpoint;
  return instanceId ? { ...connection, instanceId } : connection;
}

/** The connection of an enterprise instance; without `instance-id`, an InputError saying `why` it is needed. */
export function enterpriseOnly(connection: CcrConnection, why: string): CcrEnterpriseConnection {
  if (connection.instanceId !== undefined) return connection;
  throw new InputError('instance-id', why);
}

/**
 * connectCcr, whose code (signing, the HTTP client) is loaded at this call: a step that stops on its inputs
 * never reads it.
 */
export async function connectCcrWhenNeeded(
  connection: CcrConnection,
  options?: CcrConnectOptions,
): Promise<ApiClient> {
  const { connectCcr } = await import('./connect.ts');
  return connectCcr(connection, options);
}
