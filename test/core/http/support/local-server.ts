import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as the local server received it. */
export interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** What the server does with one request: answer, drop the connection, or never answer. */
export type Reply =
  | { status: number; headers?: Record<string, string>; body?: string | object }
  | 'reset'
  | 'hang';

export interface LocalServer {
  url: string;
  requests: SeenRequest[];
  close: () => Promise<void>;
}

/** A node:http server on 127.0.0.1 that answers request n with replies[n] (the last one repeats). */
export async function startLocalServer(
  replies: readonly Reply[] | ((seen: SeenRequest) => Reply),
): Promise<LocalServer> {
  const requests: SeenRequest[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const seen = {
      method: req.method ?? '',
      url: req.url ?? '',
      headers: req.headers,
      body: Buffer.concat(chunks).toString(),
    };
    requests.push(seen);
    const reply =
      typeof replies === 'function' ? replies(seen) : replies[Math.min(requests.length, replies.length) - 1];
    if (reply === undefined || reply === 'hang') return;
    if (reply === 'reset') {
      req.socket.destroy();
      return;
    }
    answer(res, reply);
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

function answer(res: ServerResponse, reply: Exclude<Reply, 'reset' | 'hang'>): void {
  const isText = typeof reply.body === 'string';
  const body = reply.body === undefined ? '' : isText ? String(reply.body) : JSON.stringify(reply.body);
  const type = isText ? 'text/plain' : 'application/json';
  res.writeHead(reply.status, { 'content-type': type, ...reply.headers });
  res.end(body);
}
