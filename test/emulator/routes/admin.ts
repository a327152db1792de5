// Admin endpoints for other processes: state snapshot, reseed, faults, request log. No auth, loopback only.
import { parseFaultConfig } from '../faults.ts';
import { empty, json, parseJsonBody } from '../responses.ts';
import type { RequestContext, Route } from '../route-types.ts';
import { parseSeed } from '../seed-parse.ts';
import { snapshotState } from '../state-snapshot.ts';

function badRequest(error: unknown) {
  return json(400, {
    code: 'InvalidAdminRequest',
    message: error instanceof Error ? error.message : String(error),
  });
}

function putFaults(context: RequestContext) {
  try {
    context.control.setFaults(parseFaultConfig(parseJsonBody(context) ?? {}));
    return json(200, context.control.faults());
  } catch (error) {
    return badRequest(error);
  }
}

function putSeed(context: RequestContext) {
  try {
    context.control.reseed(parseSeed(parseJsonBody(context) ?? {}));
    return json(200, snapshotState(context.state));
  } catch (error) {
    return badRequest(error);
  }
}

function putTagDeleteMode(context: RequestContext) {
  const body = parseJsonBody(context);
  const mode = typeof body === 'object' && body !== null ? (body as Record<string, unknown>).mode : undefined;
  if (mode !== 'tag' && mode !== 'digest') return badRequest(new Error("mode must be 'tag' or 'digest'"));
  context.state.tagDeleteMode = mode;
  return json(200, { mode });
}

export const adminRoutes: Route[] = [
  {
    method: 'GET',
    path: '/__admin/state',
    provider: 'admin',
    handle: (c) => json(200, snapshotState(c.state)),
  },
  { method: 'PUT', path: '/__admin/seed', provider: 'admin', handle: putSeed },
  { method: 'POST', path: '/__admin/seed', provider: 'admin', handle: putSeed },
  { method: 'GET', path: '/__admin/faults', provider: 'admin', handle: (c) => json(200, c.control.faults()) },
  { method: 'PUT', path: '/__admin/faults', provider: 'admin', handle: putFaults },
  { method: 'POST', path: '/__admin/faults', provider: 'admin', handle: putFaults },
  {
    method: 'DELETE',
    path: '/__admin/faults',
    provider: 'admin',
    handle: (c) => {
      c.control.setFaults({});
      return empty(204);
    },
  },
  { method: 'PUT', path: '/__admin/tag-delete-mode', provider: 'admin', handle: putTagDeleteMode },
  {
    method: 'GET',
    path: '/__admin/requests',
    provider: 'admin',
    handle: (c) => json(200, c.control.requests()),
  },
  {
    method: 'DELETE',
    path: '/__admin/requests',
    provider: 'admin',
    handle: (c) => {
      c.control.clearRequests();
      return empty(204);
    },
  },
];
