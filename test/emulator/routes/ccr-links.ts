// CCR enterprise access control: public access (status, open/close, allowlist) and VPC private links.
import { isIP } from 'node:net';
import { badBody, baiduConflict, findInstance, invalid, isEmuResponse, notFound } from '../ccr-rules.ts';
import { empty, isRecord, json, parseJsonBody } from '../responses.ts';
import type { EmuResponse, RequestContext, Route } from '../route-types.ts';
import type { CcrInstance } from '../state.ts';
import { isRefusedHostForm, namesEntry } from '../whitelist-rules.ts';

/** An IPv4/IPv6 address or CIDR block. */
export function isIpOrCidr(value: string): boolean {
  const [address = '', prefix, extra] = value.split('/');
  const family = isIP(address);
  if (family === 0 || extra !== undefined) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d+$/.test(prefix) && bits >= 0 && bits <= (family === 4 ? 32 : 128);
}

/** Runs `act` with the instance and the parsed JSON body, answering 404/400 for a missing one. */
function withBody(
  act: (context: RequestContext, instance: CcrInstance, body: Record<string, unknown>) => EmuResponse,
) {
  return (context: RequestContext) => {
    const instance = findInstance(context);
    if (isEmuResponse(instance)) return instance;
    const body = parseJsonBody(context);
    return isRecord(body) ? act(context, instance, body) : badBody(context);
  };
}

function getPublicLinks(context: RequestContext) {
  const instance = findInstance(context);
  if (isEmuResponse(instance)) return instance;
  return json(200, {
    domain: instance.publicURL,
    status: instance.publicLinkStatus,
    whitelist: instance.whitelist,
  });
}

const setPublicAccess = withBody((context, instance, body) => {
  if (body.action !== 'open' && body.action !== 'close')
    return invalid(context, 'action must be open or close.');
  instance.publicLinkStatus = body.action === 'open' ? 'opened' : 'closed';
  return empty(200);
});

const addWhitelist = withBody((context, instance, body) => {
  const { ipAddr, description } = body;
  if (typeof ipAddr !== 'string' || !isIpOrCidr(ipAddr))
    return invalid(context, 'ipAddr must be an IP address or CIDR block.');
  if (typeof description !== 'string') return invalid(context, 'description is required.');
  const rules = context.state.whitelistRules;
  if (isRefusedHostForm(ipAddr, rules))
    return invalid(context, 'ipAddr must be a single IPv4 address or a CIDR block.');
  // The only atomic check the API offers: an address already listed is refused.
  if (instance.whitelist.some((entry) => namesEntry(entry.ipAddr, ipAddr, rules)))
    return baiduConflict(context, `${ipAddr} is already allowed.`);
  instance.whitelist.push({ ipAddr, description });
  return empty(200);
});

const deleteWhitelist = withBody((context, instance, body) => {
  const items = body.items;
  if (!Array.isArray(items) || items.length === 0 || !items.every((i) => typeof i === 'string')) {
    return invalid(context, 'items must be a non-empty array of addresses.');
  }
  const rules = context.state.whitelistRules;
  const named = (entry: { ipAddr: string }) => items.some((item) => namesEntry(entry.ipAddr, item, rules));
  const absent = items.filter(
    (item) => !instance.whitelist.some((entry) => namesEntry(entry.ipAddr, item, rules)),
  );
  if (rules.deleteAbsent === 'not-found' && absent.length > 0)
    return notFound(context, `Allowlist address ${absent.join(', ')}`);
  // One request is applied as a whole: every named entry goes, or (above) none.
  instance.whitelist = instance.whitelist.filter((entry) => !named(entry));
  return empty(200);
});

const createPrivateLink = withBody((context, instance, body) => {
  const { vpcID, subnetID, ipType, ipAddress, autoDnsResolve } = body;
  if (typeof vpcID !== 'string' || typeof subnetID !== 'string' || vpcID === '' || subnetID === '') {
    return invalid(context, 'vpcID and subnetID are required.');
  }
  if (ipType !== 'auto' && ipType !== 'manual') return invalid(context, 'ipType must be auto or manual.');
  if (ipType === 'manual' && (typeof ipAddress !== 'string' || isIP(ipAddress) === 0)) {
    return invalid(context, 'ipAddress is required when ipType is manual.');
  }
  if (typeof autoDnsResolve !== 'boolean') return invalid(context, 'autoDnsResolve must be true or false.');
  if (instance.privateLinks.some((l) => l.vpcID === vpcID && l.subnetID === subnetID)) {
    return baiduConflict(context, `A private link to ${vpcID}/${subnetID} exists.`);
  }
  const address = ipType === 'manual' ? String(ipAddress) : `192.168.0.${10 + instance.privateLinks.length}`;
  instance.privateLinks.push({
    vpcID,
    subnetID,
    ipType,
    ipAddress: address,
    autoDnsResolve,
    status: 'success',
  });
  return empty(200);
});

function listPrivateLinks(context: RequestContext) {
  const instance = findInstance(context);
  if (isEmuResponse(instance)) return instance;
  const items = instance.privateLinks.map((l) => ({
    vpcID: l.vpcID,
    subnetID: l.subnetID,
    serviceNetID: '',
    status: l.status,
    ipAddress: l.ipAddress,
  }));
  return json(200, { domain: instance.privateURL, items });
}

const deletePrivateLink = withBody((context, instance, body) => {
  const index = instance.privateLinks.findIndex(
    (l) => l.vpcID === body.vpcID && l.subnetID === body.subnetID,
  );
  if (index < 0) return notFound(context, `Private link ${String(body.vpcID)}/${String(body.subnetID)}`);
  instance.privateLinks.splice(index, 1);
  return empty(200);
});

const PUBLIC = '/v1/instances/:instanceId/publiclinks';
const PRIVATE = '/v1/instances/:instanceId/privatelinks';

export const ccrLinkRoutes: Route[] = [
  { method: 'GET', path: PUBLIC, provider: 'ccr', handle: getPublicLinks },
  { method: 'PUT', path: PUBLIC, provider: 'ccr', handle: setPublicAccess },
  { method: 'POST', path: `${PUBLIC}/whitelist`, provider: 'ccr', handle: addWhitelist },
  { method: 'DELETE', path: `${PUBLIC}/whitelist`, provider: 'ccr', handle: deleteWhitelist },
  { method: 'POST', path: PRIVATE, provider: 'ccr', handle: createPrivateLink },
  { method: 'GET', path: PRIVATE, provider: 'ccr', handle: listPrivateLinks },
  { method: 'DELETE', path: PRIVATE, provider: 'ccr', handle: deletePrivateLink },
];
