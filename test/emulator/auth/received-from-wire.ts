import type { WireRequest } from '../../../src/core/http/types.ts';
import type { ReceivedRequest } from './received-request.ts';

/** What a server receives for a signed wire request: lower-case names, trimmed values, Host from the URL. */
export function receivedFromWire(wire: WireRequest): ReceivedRequest {
  const headers: Record<string, string> = { host: wire.url.host };
  for (const [name, value] of Object.entries(wire.headers)) headers[name.toLowerCase()] = value.trim();
  return { method: wire.method, url: new URL(wire.url.href), headers, body: wire.body };
}
