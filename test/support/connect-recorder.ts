// An HTTPS proxy stand-in on 127.0.0.1 that writes down each CONNECT target (host:port) and refuses the
// tunnel: what a built action would contact, seen from outside its code, with no traffic leaving the machine.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ConnectRecorder {
  /** `http://127.0.0.1:PORT`, for HTTPS_PROXY. */
  url: string;
  /** CONNECT targets in arrival order, e.g. `swr-api.cn-north-4.myhuaweicloud.com:443`. */
  targets: string[];
  close(): Promise<void>;
}

export async function startConnectRecorder(): Promise<ConnectRecorder> {
  const targets: string[] = [];
  const server = createServer((_req, res) => res.writeHead(405).end());
  server.on('connect', (req, socket) => {
    targets.push(req.url ?? '');
    socket.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    targets,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
