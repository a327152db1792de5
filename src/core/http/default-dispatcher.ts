import type { Dispatcher } from 'undici';
import type { HttpTimeouts } from './options.ts';

/**
 * undici's agent that reads HTTPS_PROXY / HTTP_PROXY / NO_PROXY (and lower-case forms) when created.
 * undici is loaded here, at the first request, not when the bundle starts: a step that stops on its
 * inputs never pays for it. `eager`: the bundler keeps it in the one bundle file (no chunk beside it).
 */
export async function createDefaultDispatcher(timeouts: HttpTimeouts): Promise<Dispatcher> {
  const { EnvHttpProxyAgent } = await import(/* webpackMode: "eager" */ 'undici');
  return new EnvHttpProxyAgent({
    connect: { timeout: timeouts.connectMs },
    headersTimeout: timeouts.headersMs,
    bodyTimeout: timeouts.bodyMs,
  });
}
