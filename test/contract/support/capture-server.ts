// A loopback server that records each request's method, path, query, Content-Type and body, and answers
// what the test's responder says: the shared ground for comparing an official SDK's requests with ours.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as it arrived on the wire. */
export interface CapturedRequest {
  method: string;
  /** Raw path as sent (percent-encoding untouched). */
  rawPath: string;
  /** Path segments, each percent-decoded: equal segments mean the same resource whatever the encoding. */
  segments: string[];
  /** Query pairs, decoded and sorted (order is not meaningful to the server nor to the signature). */
  query: Array<[string, string]>;
  /** Media type of Content-Type, lower-case, without parameters; undefined when absent. */
  mediaType: string | undefined;
  contentType: string | undefined;
  /** Parsed JSON body, or undefined when empty. */
  body: unknown;
  /** Lower-case header names. */
  headers: Record<string, string>;
}

export interface CannedAnswer {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface CaptureServer {
  url: string;
  requests: CapturedRequest[];
  close(): Promise<void>;
}

function capture(method: string, url: URL, headers: Record<string, string>, text: string): CapturedRequest {
  const contentType = headers['content-type'];
  return {
    method,
    rawPath: url.pathname,
    segments: url.pathname
      .split('/')
      .filter((s) => s !== '')
      .map((s) => decodeURIComponent(s)),
    query: [...url.searchParams.entries()].sort(([a, x], [b, y]) => a.localeCompare(b) || x.localeCompare(y)),
    mediaType: contentType?.split(';')[0]?.trim().toLowerCase(),
    contentType,
    body: text === '' ? undefined : (JSON.parse(text) as unknown),
    headers,
  };
}

/** Starts the server; `respond` decides each answer (default 200 `{}`). */
export async function startCaptureServer(
  respond: (request: CapturedRequest) => CannedAnswer = () => ({}),
): Promise<CaptureServer> {
  const requests: CapturedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
      }
      const request = capture(
        req.method ?? 'GET',
        new URL(req.url ?? '/', 'http://127.0.0.1'),
        headers,
        Buffer.concat(chunks).toString('utf8'),
      );
      requests.push(request);
      const answer = respond(request);
      const text = answer.body === undefined ? '' : JSON.stringify(answer.body);
      res.writeHead(answer.status ?? 200, { 'Content-Type': 'application/json', ...answer.headers });
      res.end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
