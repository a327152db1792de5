// A local stand-in for the runner's ID token endpoint (ACTIONS_ID_TOKEN_REQUEST_URL): checks the
// bearer ACTIONS_ID_TOKEN_REQUEST_TOKEN, honours `&audience=` and answers {"value": "<jwt>"}.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { githubClaims, type JwtClaims, signJwt } from './jwt.ts';
import type { SigningKey } from './keys.ts';

/** GitHub's audience when none is requested: the repository owner's URL. */
export const DEFAULT_AUDIENCE = 'https://github.com/example';

export interface IdTokenServerOptions {
  key: SigningKey;
  /** Claims for the requested audience (default: githubClaims for it, issued now). */
  claims?: (audience: string) => JwtClaims;
}

export interface IdTokenRequest {
  audience: string | undefined;
  authorized: boolean;
}

export interface IdTokenServer {
  /** ACTIONS_ID_TOKEN_REQUEST_URL, with `?api-version=2.0` as the runner gives it. */
  url: string;
  requestToken: string;
  /** The two variables a step needs to request an ID token. */
  env: { ACTIONS_ID_TOKEN_REQUEST_URL: string; ACTIONS_ID_TOKEN_REQUEST_TOKEN: string };
  requests: IdTokenRequest[];
  /** Every ID token handed out, in order (to check masking). */
  issued: string[];
  close(): Promise<void>;
}

/** Starts the ID token endpoint on 127.0.0.1 (any free port). */
export async function startIdTokenServer(options: IdTokenServerOptions): Promise<IdTokenServer> {
  const requestToken = `rt-${randomBytes(12).toString('hex')}`;
  const requests: IdTokenRequest[] = [];
  const issued: string[] = [];
  const makeClaims = options.claims ?? ((audience: string) => githubClaims({ audience }));
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const audience = url.searchParams.get('audience') ?? undefined;
    const authorized = req.headers.authorization === `Bearer ${requestToken}`;
    requests.push({ audience, authorized });
    res.setHeader('Content-Type', 'application/json');
    if (req.method !== 'GET' || url.pathname !== '/idtoken') {
      res.writeHead(404).end(JSON.stringify({ message: 'Not found' }));
    } else if (!authorized) {
      res.writeHead(401).end(JSON.stringify({ message: 'Bad credentials' }));
    } else {
      const value = signJwt(makeClaims(audience ?? DEFAULT_AUDIENCE), options.key);
      issued.push(value);
      res.writeHead(200).end(JSON.stringify({ count: 1, value }));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}/idtoken?api-version=2.0`;
  return {
    url,
    requestToken,
    env: { ACTIONS_ID_TOKEN_REQUEST_URL: url, ACTIONS_ID_TOKEN_REQUEST_TOKEN: requestToken },
    requests,
    issued,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
