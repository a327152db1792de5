import type { Dispatcher } from 'undici';
import type { HttpTimeouts } from './options.ts';
import { plainSocketErrorStacks } from './plain-socket-error-stacks.ts';

/**
 * undici's agent that reads HTTPS_PROXY / HTTP_PROXY / NO_PROXY (and lower-case forms) when created.
 * undici is loaded here, at the first request, not when the bundle starts: a step that stops on its
 * inputs never pays for it. In dist/<action>/ it is a chunk file beside the entry, read only then.
 */
export async function createDefaultDispatcher(timeouts: HttpTimeouts): Promise<Dispatcher> {
  const { EnvHttpProxyAgent } = await import('./undici-agent.ts');
  plainSocketErrorStacks();
  return new EnvHttpProxyAgent({
    connect: { timeout: timeouts.connectMs },
    headersTimeout: timeouts.headersMs,
    bodyTimeout: timeouts.bodyMs,
  });
}
