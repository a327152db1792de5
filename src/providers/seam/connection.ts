// What every provider's connection offers the actions, whatever its inputs: a name, and a way to connect.
import type { HttpClientOptions } from '../../core/http/client.ts';
import type { ApiClient } from '../../core/http/types.ts';

/** Transport settings an action adds to the provider's own (rate cap, request log, retry…). */
export interface ConnectOptions {
  http?: Partial<HttpClientOptions>;
}

/** A provider's connection inputs as read, ready to connect. */
export interface Connectable {
  /** The inputs as read (provider, region, endpoint, credentials…), for logs and tests. */
  readonly connection: { readonly provider: string };
  /** An API client with the provider's signing and its hints for failed calls. */
  connect(options?: ConnectOptions): Promise<ApiClient>;
}
