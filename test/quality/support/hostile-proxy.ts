// A reverse proxy in front of the emulator that answers as a hostile registry would: it forwards each
// request unchanged (Host included, so signatures still verify), then rewrites the answer by rules —
// JSON bodies and headers changed, bodies trickled one byte at a time or padded past any sane size.
// It records every request line exactly as it arrived, before any normalisation.
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as it reached the proxy. */
export interface ProxiedRequest {
  method: string;
  /** The request target exactly as sent: path and query, nothing normalised. */
  target: string;
  /** Path part of the target. */
  path: string;
  /** Status the proxy answered with (0: cut off or never answered). */
  status: number;
}

/** How the proxy sends an answer back. */
export type Delivery =
  | { kind: 'as-is' }
  /** Headers at once, then the body one byte per `everyMs`. */
  | { kind: 'trickle'; everyMs: number }
  /** The body wrapped in JSON whitespace until it is `bytes` long, streamed (never held in memory). */
  | { kind: 'pad'; bytes: number };

/** An answer as the proxy may rewrite it. */
export interface Answer {
  status: number;
  headers: Record<string, string>;
  /** Parsed JSON body, or undefined when the body is empty or not JSON. */
  json: unknown;
  text: string;
}

/** A rewrite for requests whose method and path match. */
export interface HostileRule {
  method?: string;
  /** Matches the request path (without query). */
  path: RegExp;
  /** Only the first N matching requests (default: all). */
  times?: number;
  /** Returns the answer to send instead; `json` replaces the body when given. */
  rewrite?: (answer: Answer, request: ProxiedRequest, seen: number) => Partial<Answer> | undefined;
  delivery?: Delivery;
}

export interface HostileProxy {
  url: string;
  requests: ProxiedRequest[];
  close(): Promise<void>;
}

/** Starts the proxy on a loopback port in front of `targetUrl` (the emulator). */
export async function startHostileProxy(
  targetUrl: string,
  rules: readonly HostileRule[],
): Promise<HostileProxy> {
  const target = new URL(targetUrl);
  const requests: ProxiedRequest[] = [];
  const used = new Map<HostileRule, number>();
  const server = createServer((req, res) => {
    const seen: ProxiedRequest = {
      method: req.method ?? '',
      target: req.url ?? '',
      path: (req.url ?? '').split('?')[0] ?? '',
      status: 0,
    };
    requests.push(seen);
    const rule = rules.find((candidate) => matches(candidate, seen, used));
    if (rule) used.set(rule, (used.get(rule) ?? 0) + 1);
    forward(req, target)
      .then((answer) => {
        const rewritten = rule?.rewrite?.(answer, seen, used.get(rule) ?? 0);
        const final = rewritten ? withRewrite(answer, rewritten) : answer;
        seen.status = final.status;
        deliver(res, final, rule?.delivery ?? { kind: 'as-is' });
      })
      .catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function matches(rule: HostileRule, request: ProxiedRequest, used: Map<HostileRule, number>): boolean {
  if (rule.method && rule.method !== request.method) return false;
  if (!rule.path.test(request.path)) return false;
  return rule.times === undefined || (used.get(rule) ?? 0) < rule.times;
}

/** Sends the request on to the emulator byte for byte and reads its whole answer. */
async function forward(req: IncomingMessage, target: URL): Promise<Answer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new Promise((resolve, reject) => {
    const upstream = httpRequest(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
      async (response) => {
        const body: Buffer[] = [];
        for await (const chunk of response) body.push(chunk as Buffer);
        const text = Buffer.concat(body).toString('utf8');
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(response.headers)) {
          if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
        }
        resolve({ status: response.statusCode ?? 502, headers, json: parseJson(text), text });
      },
    );
    upstream.on('error', reject);
    upstream.end(Buffer.concat(chunks));
  });
}

function parseJson(text: string): unknown {
  try {
    return text.trim() === '' ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
}

function withRewrite(answer: Answer, change: Partial<Answer>): Answer {
  const next = { ...answer, ...change, headers: { ...answer.headers, ...change.headers } };
  if (change.json !== undefined && change.text === undefined) next.text = JSON.stringify(change.json);
  return next;
}

function deliver(res: ServerResponse, answer: Answer, delivery: Delivery): void {
  const headers = { ...answer.headers };
  delete headers['content-length'];
  delete headers['transfer-encoding'];
  delete headers.connection;
  if (delivery.kind === 'trickle') {
    trickle(res, answer, headers, delivery.everyMs);
    return;
  }
  if (delivery.kind === 'pad') {
    pad(res, answer, headers, delivery.bytes);
    return;
  }
  res.writeHead(answer.status, { ...headers, 'content-length': String(Buffer.byteLength(answer.text)) });
  res.end(answer.text);
}

function trickle(
  res: ServerResponse,
  answer: Answer,
  headers: Record<string, string>,
  everyMs: number,
): void {
  res.writeHead(answer.status, headers);
  const bytes = Buffer.from(answer.text);
  let at = 0;
  const timer = setInterval(() => {
    if (at >= bytes.length) {
      clearInterval(timer);
      res.end();
      return;
    }
    res.write(bytes.subarray(at, at + 1));
    at++;
  }, everyMs);
  res.on('close', () => clearInterval(timer));
}

/** Streams the answer chunked (no length announced) after whitespace, 1 MiB at a time as the socket drains. */
function pad(res: ServerResponse, answer: Answer, headers: Record<string, string>, bytes: number): void {
  const body = Buffer.from(answer.text);
  res.writeHead(answer.status, headers);
  const chunk = Buffer.alloc(1024 * 1024, ' ');
  let left = Math.max(0, bytes - body.length);
  const writeMore = (): void => {
    while (left > 0) {
      const part = left >= chunk.length ? chunk : chunk.subarray(0, left);
      left -= part.length;
      if (!res.write(part)) {
        res.once('drain', writeMore);
        return;
      }
    }
    res.end(body);
  };
  res.on('error', () => {});
  writeMore();
}
