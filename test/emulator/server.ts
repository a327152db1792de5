// The HTTP side: reads each request, applies faults, authenticates, routes, and records it.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import { authenticate } from './authenticate.ts';
import type { FaultDecision, FaultEngine } from './faults.ts';
import { lieAboutTotal, malformBody } from './response-faults.ts';
import { providerError, providerOfPath, swrGatewayError } from './responses.ts';
import type {
  AuthKind,
  EmulatorControl,
  EmuResponse,
  RequestContext,
  Route,
  RouteProvider,
} from './route-types.ts';
import { matchRoute } from './router.ts';
import type { ReceivedRequest, Verifiers } from './signature-verifiers.ts';
import type { EmulatorState } from './state.ts';
import { swrContentTypeError } from './swr-content-type.ts';

/** One API request as the emulator saw it (admin requests are not recorded). */
export interface RequestLogEntry {
  method: string;
  path: string;
  query: Record<string, string>;
  /** 0 when no response was sent (dropped or hung). */
  status: number;
  authKind: AuthKind;
  /** Faults applied, e.g. `rate-limit`, `error`, `latency`. */
  faults: string[];
}

export interface ServerDeps {
  routes: readonly Route[];
  state: EmulatorState;
  faults: FaultEngine;
  verifiers: Verifiers;
  now: () => Date;
  control: EmulatorControl;
  log: RequestLogEntry[];
  /** Called once an API request is answered (see EmulatorOptions.afterResponse). */
  afterResponse?: ((entry: RequestLogEntry) => void) | undefined;
}

function lowerHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function send(res: ServerResponse, response: EmuResponse, provider: RouteProvider, requestId: string): void {
  const headers: Record<string, string> = { ...response.headers };
  if (provider === 'ccr') headers['x-bce-request-id'] = requestId;
  else if (provider === 'github') headers['X-GitHub-Request-Id'] = requestId;
  else headers['X-Request-Id'] = requestId;
  const text = response.raw ?? (response.body === undefined ? undefined : JSON.stringify(response.body));
  if (text !== undefined) headers['Content-Type'] ??= 'application/json;charset=utf-8';
  res.writeHead(response.status, headers);
  res.end(text);
}

function faultResponse(
  decision: FaultDecision,
  provider: RouteProvider,
  requestId: string,
): EmuResponse | undefined {
  const terminal = decision.terminal;
  if (!terminal || terminal.kind === 'drop' || terminal.kind === 'hang') return undefined;
  if (terminal.kind === 'rate-limit' && terminal.answer === 'swr-403' && provider === 'swr') {
    return swrGatewayError(403, 'SVCSTG.SWR.4031042', 'There are too many requests.', requestId);
  }
  if (terminal.kind === 'rate-limit') {
    const response = providerError(provider, requestId, 429, 'throttled');
    return {
      ...response,
      headers: { ...response.headers, 'Retry-After': String(terminal.retryAfterSeconds) },
    };
  }
  if (terminal.kind === 'unauthorized') return providerError(provider, requestId, 401, 'unauthorized');
  return providerError(provider, requestId, terminal.status, 'server');
}

function defaultScheme(provider: RouteProvider): 'none' | 'huawei' | 'baidu' {
  if (provider === 'swr') return 'huawei';
  return provider === 'ccr' ? 'baidu' : 'none';
}

async function routeRequest(
  deps: ServerDeps,
  context: RequestContext,
  received: ReceivedRequest,
): Promise<{ response: EmuResponse; provider: RouteProvider }> {
  const path = context.url.pathname;
  const match = matchRoute(deps.routes, context.method, path);
  if (match.kind === 'not-found') {
    const provider = providerOfPath(path);
    return { response: providerError(provider, context.requestId, 404, 'not-found'), provider };
  }
  if (match.kind === 'method-not-allowed') {
    return {
      response: providerError(match.route.provider, context.requestId, 405, 'method'),
      provider: match.route.provider,
    };
  }
  const { route, params } = match;
  const contentTypeError = route.provider === 'swr' ? swrContentTypeError(context.headers) : undefined;
  if (contentTypeError) return { response: contentTypeError, provider: route.provider };
  const auth = await authenticate(
    route.auth ?? defaultScheme(route.provider),
    context,
    deps.verifiers,
    received,
  );
  if (!auth.ok) return { response: auth.response, provider: route.provider };
  context.auth = auth.kind;
  context.params = params;
  try {
    return { response: await route.handle(context), provider: route.provider };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`emulator: ${context.method} ${path} failed: ${message}\n`);
    return {
      response: providerError(route.provider, context.requestId, 500, 'server'),
      provider: route.provider,
    };
  }
}

async function handle(deps: ServerDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const body = await readBody(req);
  const headers = lowerHeaders(req);
  const url = new URL(req.url ?? '/', `http://${headers.host ?? '127.0.0.1'}`);
  const method = (req.method ?? 'GET').toUpperCase();
  const requestId = randomUUID();
  const context: RequestContext = {
    method,
    url,
    params: {},
    query: url.searchParams,
    headers,
    body,
    requestId,
    now: deps.now(),
    state: deps.state,
    auth: 'none',
    control: deps.control,
  };
  const received: ReceivedRequest = { method, url, headers, body };
  const isAdmin = url.pathname.startsWith('/__admin');
  const decision: FaultDecision = isAdmin
    ? { applied: [], latencyMs: 0, malformedJson: false, contentRangeExtra: 0, revokeTokens: false }
    : deps.faults.decide(method, url.pathname);
  const entry: RequestLogEntry = {
    method,
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    status: 0,
    authKind: 'none',
    faults: decision.applied,
  };
  if (!isAdmin) deps.log.push(entry);
  if (decision.revokeTokens) deps.state.iamTokens.clear();
  if (decision.latencyMs > 0) await delay(decision.latencyMs);
  if (decision.terminal?.kind === 'drop') {
    req.socket.destroy();
    return;
  }
  if (decision.terminal?.kind === 'hang') return; // closed only when the emulator closes
  const early = faultResponse(decision, providerOfPath(url.pathname), requestId);
  let { response, provider } = early
    ? { response: early, provider: providerOfPath(url.pathname) }
    : await routeRequest(deps, context, received);
  if (decision.contentRangeExtra > 0) response = lieAboutTotal(response, decision.contentRangeExtra);
  if (decision.malformedJson) response = malformBody(response);
  entry.status = response.status;
  entry.authKind = context.auth;
  send(res, response, provider, requestId);
  if (!isAdmin) deps.afterResponse?.(entry);
}

/** An HTTP server for the emulator (not yet listening). */
export function createEmulatorServer(deps: ServerDeps): Server {
  return createServer((req, res) => {
    handle(deps, req, res).catch((error: unknown) => {
      process.stderr.write(`emulator: ${error instanceof Error ? error.message : String(error)}\n`);
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
}
