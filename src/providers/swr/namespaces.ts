// SWR organizations, called namespaces in the API paths (spec 4.1 and the list-organizations page).
import { ApiError } from '../../core/errors/errors.ts';
import type { ApiClient } from '../../core/http/types.ts';
import { apiPath, pathSegment } from '../../core/path/api-path.ts';
import { SWR_NAMESPACE } from './path-segments.ts';

/** One organization as `GET /v2/manage/namespaces` lists it. */
export interface SwrNamespace {
  id?: number;
  name: string;
  creator_name?: string;
  /** The caller's permission on it: 7 manage, 3 write, 1 read. */
  auth?: number;
}

/** Which list to search: organizations the caller is authorized on, or all it can see (spec: `mode::visible`). */
export type SwrNamespaceMode = 'authorized' | 'visible';

/** The error code SWR returns when the account's organization quota (5) is used up (spec 5.2). */
const SWR_NAMESPACE_QUOTA_CODE = 'SVCSTG.SWR.4000097';

/** Looks a namespace up by exact name in the list the caller can see; undefined when absent. */
export async function findSwrNamespace(
  api: ApiClient,
  name: string,
  mode: SwrNamespaceMode = 'authorized',
): Promise<SwrNamespace | undefined> {
  const filter = mode === 'visible' ? `namespace::${name}|mode::visible` : `namespace::${name}`;
  const response = await api.request<{ namespaces?: SwrNamespace[] }>({
    method: 'GET',
    path: '/v2/manage/namespaces',
    query: [['filter', filter]],
    operation: `look up namespace ${name}`,
    // Some regions answer 404 instead of an empty list when nothing matches.
    acceptStatus: [404],
  });
  if (response.status === 404) return undefined;
  // The filter may match by prefix or substring; only the exact name counts.
  return response.body?.namespaces?.find((namespace) => namespace.name === name);
}

/** Creates a namespace: 'created' on 201, 'exists' on 409 (another run, or another account, has the name). */
export async function createSwrNamespace(api: ApiClient, name: string): Promise<'created' | 'exists'> {
  try {
    const response = await api.request({
      method: 'POST',
      path: '/v2/manage/namespaces',
      body: { namespace: name },
      operation: `create namespace ${name}`,
      acceptStatus: [409],
    });
    return response.status === 409 ? 'exists' : 'created';
  } catch (error) {
    throw isNamespaceQuotaError(error) ? withQuotaHint(error) : error;
  }
}

/** Deletes a namespace; one already gone counts as deleted. */
export async function deleteSwrNamespace(api: ApiClient, name: string): Promise<void> {
  await api.request({
    method: 'DELETE',
    path: apiPath`/v2/manage/namespaces/${pathSegment(name, SWR_NAMESPACE)}`,
    operation: `delete namespace ${name}`,
    acceptStatus: [404],
  });
}

/** True for SWR's "maximum number of organizations exceeded" answer to a create. */
export function isNamespaceQuotaError(error: unknown): error is ApiError {
  if (!(error instanceof ApiError) || error.status !== 400) return false;
  if (error.code?.replace(/\s/g, '') === SWR_NAMESPACE_QUOTA_CODE) return true;
  return /organi[sz]ations?.*(maximum|quota|limit|exceed)|(maximum|quota|limit).*organi[sz]ations?/i.test(
    error.providerMessage,
  );
}

function withQuotaHint(error: ApiError): ApiError {
  return new ApiError({
    provider: error.provider,
    operation: error.operation,
    method: error.method,
    path: error.path,
    status: error.status,
    code: error.code,
    providerMessage: error.providerMessage,
    requestId: error.requestId,
    hint:
      'The account has used its SWR quota of 5 organizations (namespaces). Delete an unused namespace ' +
      '(state: absent) or ask Huawei Cloud support for a higher quota, then run again.',
  });
}
