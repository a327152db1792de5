import { type Dispatcher, EnvHttpProxyAgent } from 'undici';
import type { HttpTimeouts } from './options.ts';

/** undici's agent that reads HTTPS_PROXY / HTTP_PROXY / NO_PROXY (and lower-case forms) when created. */
export function createDefaultDispatcher(timeouts: HttpTimeouts): Dispatcher {
  return new EnvHttpProxyAgent({
    connect: { timeout: timeouts.connectMs },
    headersTimeout: timeouts.headersMs,
    bodyTimeout: timeouts.bodyMs,
  });
}
