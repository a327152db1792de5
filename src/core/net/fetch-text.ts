import type { Dispatcher } from 'undici';

export interface FetchTextOptions {
  /** Connect over IPv4 or IPv6 only (0: either). */
  family: 0 | 4 | 6;
  /** Aborts the request; the whole exchange must finish before it fires. */
  signal: AbortSignal;
  /** Bodies longer than this are refused (a lookup answer is a few bytes). */
  maxBytes?: number;
  /** Overrides the proxy-aware default agent (tests). */
  dispatcher?: Dispatcher;
}

/** GETs a small text document; throws on a status other than 2xx, an oversized body or the signal. */
export async function fetchText(url: string, options: FetchTextOptions): Promise<string> {
  const { maxBytes = 4096 } = options;
  // undici is loaded at the first lookup, not at start-up (see core/http/default-dispatcher.ts).
  const dispatcher =
    options.dispatcher ??
    new (await import('../http/undici-agent.ts')).EnvHttpProxyAgent({
      connect: { family: options.family },
    });
  // An agent made here is destroyed here; one passed in belongs to the caller.
  const own = dispatcher === options.dispatcher ? undefined : dispatcher;
  try {
    const target = new URL(url);
    const response = await dispatcher.request({
      origin: target.origin,
      path: `${target.pathname}${target.search}`,
      method: 'GET',
      headers: { accept: 'text/plain, application/json', 'user-agent': 'registry-actions' },
      signal: options.signal,
    });
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of response.body) {
      size += chunk.length;
      if (size > maxBytes) {
        response.body.destroy();
        throw new Error(`answer longer than ${maxBytes} bytes`);
      }
      chunks.push(chunk);
    }
    if (response.statusCode < 200 || response.statusCode > 299) {
      throw new Error(`HTTP ${response.statusCode}`);
    }
    return Buffer.concat(chunks).toString('utf8');
  } finally {
    await own?.destroy().catch(() => undefined);
  }
}
