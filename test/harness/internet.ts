// The internet as a workflow job sees it, on loopback: an HTTPS proxy that the job's tools reach through
// HTTPS_PROXY / HTTP_PROXY (the actions' undici agent, @actions/http-client, skopeo). It terminates TLS with
// a certificate for the requested host, signed by a CA the job trusts (NODE_EXTRA_CA_CERTS, SSL_CERT_FILE),
// and forwards each request to the stand-in serving that host: the emulator for the cloud APIs, a Debian
// docker-registry for the registry hosts, a fixed answer for the IP lookup services. A host with no
// stand-in is refused and recorded, so a test sees every place a workflow would have gone to.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, request, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSecureContext, type SecureContext } from 'node:tls';

/** Where requests for a host go: an origin (`http://127.0.0.1:PORT`) or a handler. */
export type HostTarget = string | ((request: IncomingMessage, response: ServerResponse) => void);

export interface InternetRoute {
  /** Host names this route serves (without port). */
  hosts: RegExp;
  /** What it stands in for, for the test's list of stand-ins. */
  standsInFor: string;
  target: HostTarget;
}

export interface Internet {
  /** `http://127.0.0.1:PORT`, the proxy. */
  proxyUrl: string;
  /** Variables a job needs to go through the proxy and trust its certificates. */
  env: Record<string, string>;
  /** host:port of every connection refused for want of a stand-in. */
  refused: string[];
  /** host of every request served, in order. */
  served: string[];
  close(): Promise<void>;
}

/** Starts the proxy with its routes; a CA and per-host certificates are made with openssl. */
export async function startInternet(routes: readonly InternetRoute[]): Promise<Internet> {
  const certificates = new CertificateAuthority();
  const refused: string[] = [];
  const served: string[] = [];
  const routeFor = (host: string) => routes.find((route) => route.hosts.test(host));

  const forward = (scheme: 'https' | 'http') => (incoming: IncomingMessage, response: ServerResponse) => {
    const url = new URL(incoming.url ?? '/', `${scheme}://${incoming.headers.host ?? 'unknown'}`);
    const route = routeFor(url.hostname);
    if (!route) {
      refused.push(url.host);
      response.writeHead(502).end(`no stand-in serves ${url.host}`);
      return;
    }
    served.push(url.hostname);
    if (typeof route.target === 'function') return route.target(incoming, response);
    const upstream = new URL(route.target);
    const outgoing = request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: incoming.method,
        path: `${url.pathname}${url.search}`,
        headers: { ...incoming.headers, 'x-forwarded-proto': scheme },
      },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    outgoing.on('error', (error) => response.writeHead(502).end(String(error)));
    incoming.pipe(outgoing);
  };

  const tlsSide = createHttpsServer(
    { SNICallback: (host, done) => done(null, certificates.contextFor(host)) },
    forward('https'),
  );
  const proxy: Server = createServer(forward('http'));
  proxy.on('connect', (connect: IncomingMessage, socket: Socket) => {
    const target = connect.url ?? '';
    const host = target.replace(/:\d+$/, '');
    if (!routeFor(host)) {
      refused.push(target);
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    tlsSide.emit('connection', socket);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  return {
    proxyUrl,
    env: {
      HTTPS_PROXY: proxyUrl,
      HTTP_PROXY: proxyUrl,
      https_proxy: proxyUrl,
      http_proxy: proxyUrl,
      NO_PROXY: '127.0.0.1,localhost,::1',
      no_proxy: '127.0.0.1,localhost,::1',
      NODE_EXTRA_CA_CERTS: certificates.caFile,
      SSL_CERT_FILE: certificates.caFile,
    },
    refused,
    served,
    async close() {
      proxy.closeAllConnections();
      tlsSide.closeAllConnections();
      await new Promise((resolve) => proxy.close(resolve));
      await new Promise((resolve) => tlsSide.close(resolve));
    },
  };
}

/** A throw-away CA (openssl) issuing one certificate per host name, on demand. */
class CertificateAuthority {
  readonly caFile: string;
  readonly #dir = mkdtempSync(join(tmpdir(), 'internet-ca-'));
  readonly #contexts = new Map<string, SecureContext>();

  constructor() {
    this.caFile = join(this.#dir, 'ca.pem');
    openssl([
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-days',
      '2',
      '-subj',
      '/CN=registry-actions test CA',
      '-keyout',
      join(this.#dir, 'ca.key'),
      '-out',
      this.caFile,
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
    ]);
  }

  contextFor(host: string): SecureContext {
    const cached = this.#contexts.get(host);
    if (cached) return cached;
    const key = join(this.#dir, `${host}.key`);
    const csr = join(this.#dir, `${host}.csr`);
    const cert = join(this.#dir, `${host}.pem`);
    const extensions = join(this.#dir, `${host}.ext`);
    writeFileSync(extensions, `subjectAltName=DNS:${host}\nextendedKeyUsage=serverAuth\n`);
    openssl([
      'req',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-subj',
      `/CN=${host}`,
      '-keyout',
      key,
      '-out',
      csr,
    ]);
    openssl([
      'x509',
      '-req',
      '-in',
      csr,
      '-CA',
      this.caFile,
      '-CAkey',
      join(this.#dir, 'ca.key'),
      '-CAcreateserial',
      '-days',
      '2',
      '-extfile',
      extensions,
      '-out',
      cert,
    ]);
    const context = createSecureContext({ key: readFileSync(key), cert: readFileSync(cert) });
    this.#contexts.set(host, context);
    return context;
  }
}

function openssl(args: readonly string[]): void {
  execFileSync('openssl', args, { stdio: 'ignore' });
}
