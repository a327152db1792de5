// The toy registry's API, on loopback: the whole of a third registry family, small enough to read in one
// sitting. Namespaces hold repositories, repositories hold tags; a docker login is a POST; the public
// endpoint has an IP allowlist (entries with descriptions) and can be opened or closed. Every call
// carries `Authorization: Toy <key>:<secret>`; anything else is 401.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const TOY_KEY = 'toy-key-id';
export const TOY_SECRET = 'toy-secret-0123456789';
/** The password the registry hands out for a docker login. */
export const TOY_LOGIN_PASSWORD = 'toy-login-password-9876543210';

export interface ToyTag {
  name: string;
  digest: string;
  /** ISO time of the push. */
  pushedAt: string;
  size: number;
}

export interface ToyAllowlist {
  status: 'opened' | 'closed';
  whitelist: { ipAddr: string; description: string }[];
}

export interface ToyRegistry {
  /** The API's base URL (http://127.0.0.1:<port>). */
  url: string;
  /** Tags by `namespace/repository`; the test seeds and reads it. */
  repositories: Map<string, ToyTag[]>;
  /** Namespaces that exist (those of the seeded repositories, and those created). */
  namespaces: Set<string>;
  /** The public endpoint's status and allowlist; the test seeds and reads it. */
  allowlist: ToyAllowlist;
  /** Every call as `METHOD path`, in order. */
  calls: string[];
  close(): Promise<void>;
}

type Route = (
  match: RegExpExecArray,
  res: ServerResponse,
  request: { query: URLSearchParams; body: string },
) => void;

export async function startToyRegistry(
  seed: Record<string, ToyTag[]>,
  allowlist: ToyAllowlist = { status: 'opened', whitelist: [] },
): Promise<ToyRegistry> {
  const repositories = new Map(Object.entries(seed));
  const calls: string[] = [];
  const namespaces = new Set([...repositories.keys()].map((key) => key.split('/')[0] ?? ''));
  const namespaceOf = (ns: string) => [...repositories.keys()].filter((key) => key.startsWith(`${ns}/`));
  const json = (res: ServerResponse, status: number, body: unknown) =>
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  const routes: [string, RegExp, Route][] = [
    [
      'POST',
      /^\/logins$/,
      (_m, res) =>
        json(res, 200, {
          username: 'toy-robot',
          password: TOY_LOGIN_PASSWORD,
          expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
        }),
    ],
    [
      'GET',
      /^\/namespaces\/([^/]+)$/,
      ([, ns = ''], res) => json(res, namespaces.has(ns) ? 200 : 404, { name: ns }),
    ],
    [
      'POST',
      /^\/namespaces\/([^/]+)$/,
      ([, ns = ''], res) => {
        const created = !namespaces.has(ns);
        namespaces.add(ns);
        json(res, created ? 201 : 409, { name: ns });
      },
    ],
    [
      'GET',
      /^\/namespaces\/([^/]+)\/repositories$/,
      ([, ns = ''], res) =>
        json(
          res,
          200,
          namespaceOf(ns).map((key) => key.slice(ns.length + 1)),
        ),
    ],
    [
      'GET',
      /^\/namespaces\/([^/]+)\/repositories\/([^/]+)\/tags$/,
      ([, ns, repo], res) => {
        const tags = repositories.get(`${ns}/${repo}`);
        json(res, tags ? 200 : 404, tags ?? { message: 'no such repository' });
      },
    ],
    [
      'DELETE',
      /^\/namespaces\/([^/]+)\/repositories\/([^/]+)\/tags\/([^/]+)$/,
      ([, ns, repo, tag], res) => {
        const tags = repositories.get(`${ns}/${repo}`) ?? [];
        const at = tags.findIndex((entry) => entry.name === tag);
        if (at >= 0) tags.splice(at, 1);
        res.writeHead(at >= 0 ? 204 : 404).end();
      },
    ],
    ['GET', /^\/allowlist$/, (_m, res) => json(res, 200, allowlist)],
    [
      'POST',
      /^\/allowlist$/,
      (_m, res, { body }) => {
        const { ipAddr, description } = JSON.parse(body) as { ipAddr: string; description: string };
        allowlist.whitelist = [
          ...allowlist.whitelist.filter((entry) => entry.ipAddr !== ipAddr),
          { ipAddr, description },
        ];
        res.writeHead(204).end();
      },
    ],
    [
      'DELETE',
      /^\/allowlist$/,
      (_m, res, { query }) => {
        const gone = query.getAll('ipAddr');
        allowlist.whitelist = allowlist.whitelist.filter((entry) => !gone.includes(entry.ipAddr));
        res.writeHead(204).end();
      },
    ],
    [
      'PUT',
      /^\/public-access$/,
      (_m, res, { body }) => {
        allowlist.status = (JSON.parse(body) as { action: string }).action === 'open' ? 'opened' : 'closed';
        res.writeHead(204).end();
      },
    ],
  ];
  const handle = (req: IncomingMessage, res: ServerResponse, body: string) => {
    const url = new URL(req.url ?? '/', 'http://toy');
    const path = decodeURIComponent(url.pathname);
    calls.push(`${req.method} ${path}`);
    if (req.headers.authorization !== `Toy ${TOY_KEY}:${TOY_SECRET}`)
      return json(res, 401, { message: 'bad key' });
    for (const [method, pattern, route] of routes) {
      const match = pattern.exec(path);
      if (match && req.method === method) return route(match, res, { query: url.searchParams, body });
    }
    json(res, 404, { message: 'no such route' });
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => handle(req, res, Buffer.concat(chunks).toString('utf8')));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    repositories,
    namespaces,
    allowlist,
    calls,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
