import type { BaiduAuth, HuaweiAuth } from '../auth/credentials.ts';
import { resolveBaiduAuth } from '../auth/resolve-baidu.ts';
import { resolveHuaweiAuth } from '../auth/resolve-huawei.ts';
import { InputError } from '../errors/errors.ts';
import type { InputReader } from './input-reader.ts';

export type ProviderName = 'swr' | 'ccr';

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

/** Where and how a Baidu CCR action connects (inputs provider, region, endpoint, instance-id, credentials). */
export interface CcrConnection {
  provider: 'ccr';
  /** e.g. bj, gz, su. */
  region: string;
  /** Overrides `https://ccr.{region}.baidubce.com`. */
  endpoint?: URL;
  /** CCR enterprise instance (ccr-xxxxxxxx); absent for the personal edition. */
  instanceId?: string;
  auth: BaiduAuth;
}

export type Connection = SwrConnection | CcrConnection;

const HUAWEI_REGION = /^[a-z]{2,}(-[a-z]+)+-\d+$/;
const BAIDU_REGION = /^[a-z][a-z0-9]{1,15}$/;
const INSTANCE_ID = /^ccr-[a-z0-9]+$/;
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The `provider` input: swr (Huawei Cloud) or ccr (Baidu Cloud). */
export function readProvider(reader: InputReader): ProviderName {
  return reader.oneOf('provider', ['swr', 'ccr']);
}

/** The connection for whichever provider the `provider` input names. */
export function readConnection(reader: InputReader): Connection {
  return readProvider(reader) === 'swr' ? readSwrConnection(reader) : readCcrConnection(reader);
}

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
  if (instanceId) connection.instanceId = instanceId;
  return connection;
}

function readRegion(reader: InputReader, pattern: RegExp, expected: string): string {
  const region = reader.string('region');
  if (!pattern.test(region)) {
    throw new InputError('region', `Input 'region' must be ${expected}, got "${region}".`);
  }
  return region;
}

/**
 * An endpoint override: an https URL without credentials, query or fragment (plain http only for
 * loopback hosts, since tokens and passwords would travel in clear text). Undefined when empty.
 */
export function readEndpoint(reader: InputReader, name: string): URL | undefined {
  const text = reader.optional(name);
  if (text === undefined) return undefined;
  const fail = (why: string): never => {
    throw new InputError(
      name,
      `Input '${name}' must be an https URL such as https://host.example.com; ${why}.`,
    );
  };
  const url = URL.canParse(text) ? new URL(text) : fail(`"${text}" is not a URL`);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') fail(`"${url.protocol}" is not https`);
  if (url.protocol === 'http:' && !LOOPBACK_HOSTS.has(url.hostname)) {
    fail(`plain http is accepted only for 127.0.0.1, ::1 and localhost, got "${url.host}"`);
  }
  if (url.username || url.password) fail('it must not contain a user name or password');
  if (url.search || url.hash) fail('it must not contain a query string or fragment');
  url.pathname = url.pathname.replace(/\/+$/, '') || '/';
  return url;
}
