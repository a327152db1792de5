// The registry families the actions speak to, and how the `provider` input picks one.
import type { InputReader } from '../core/action/input-reader.ts';
import { type CcrConnection, readCcrConnection } from './ccr/connection.ts';
import { readSwrConnection, type SwrConnection } from './swr/connection.ts';

export type ProviderName = 'swr' | 'ccr';

export type Connection = SwrConnection | CcrConnection;

/** The `provider` input: swr (Huawei Cloud) or ccr (Baidu Cloud). */
export function readProvider(reader: InputReader): ProviderName {
  return reader.oneOf('provider', ['swr', 'ccr']);
}

/** The connection for whichever provider the `provider` input names. */
export function readConnection(reader: InputReader): Connection {
  return readProvider(reader) === 'swr' ? readSwrConnection(reader) : readCcrConnection(reader);
}
