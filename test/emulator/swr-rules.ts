// SWR name rules, error codes (spec 4.1.1, 4.2.1, 5.2) and lookups shared by the SWR routes.
import { json, swrError } from './responses.ts';
import type { EmuResponse, RequestContext } from './route-types.ts';
import { ownSwrNamespace, type SwrNamespace, type SwrRepository } from './state.ts';

// Separators never adjacent, except a double underscore; a separator is always followed by a letter or digit.
const NAMESPACE_RULE = /^[a-z](?:[a-z0-9]|[.-](?=[a-z0-9])|__?(?=[a-z0-9]))*$/;
const REPOSITORY_RULE = /^[a-z0-9](?:[a-z0-9]|[./-](?=[a-z0-9])|__?(?=[a-z0-9]))*$/;

/** Organization name rule: 1 to 64 characters. */
export function isValidNamespaceName(name: string): boolean {
  return name.length >= 1 && name.length <= 64 && NAMESPACE_RULE.test(name);
}

/** Repository name rule: 1 to 128 characters; `/` allowed inside. */
export function isValidRepositoryName(name: string): boolean {
  return name.length >= 1 && name.length <= 128 && REPOSITORY_RULE.test(name);
}

export const SWR_CATEGORIES = ['app_server', 'linux', 'framework_app', 'database', 'lang', 'arm', 'other'];

/** Errors of the spec's table 5.2 used by the emulator. */
export const swrErrors = {
  invalidNamespace: () => swrError(400, 'SVCSTG.SWR.4001028', 'Invalid organization name.'),
  invalidRepository: () => swrError(400, 'SVCSTG.SWR.4001029', 'Invalid image name.'),
  invalidIsPublic: () => swrError(400, 'SVCSTG.SWR.4001009', 'is_public must be set to true or false.'),
  invalidParameter: (detail: string) => swrError(400, 'SVCSTG.SWR.4001025', `Invalid parameter. ${detail}`),
  invalidFilter: () => swrError(400, 'SVCSTG.SWR.4001035', 'Invalid filtering criteria.'),
  invalidPageSize: () => swrError(400, 'SVCSTG.SWR.4000056', 'Invalid page size.'),
  badBody: () => json(400, { error_code: 'SVCSTG.SWR.4001018', error_msg: 'Incorrect request body type.' }),
  namespaceQuota: () =>
    swrError(400, 'SVCSTG.SWR.4000097', 'The maximum number of organizations has been exceeded.'),
  namespaceExists: () => swrError(409, 'SVCSTG.SWR.4090060', 'The organization already exists.'),
  namespaceMissing: () => swrError(404, 'SVCSTG.SWR.4040058', 'The organization does not exist.'),
  repositoryExists: () => swrError(409, 'SVCSTG.SWR.4090006', 'The image already exists.'),
  repositoryMissing: () => swrError(404, 'SVCSTG.SWR.4040010', 'The image does not exist.'),
  repositoryNotEmpty: () =>
    swrError(406, 'SVCSTG.SWR.4060012', 'Failed to delete the image repository because it contains images.'),
  tagMissing: () => swrError(404, 'SVCSTG.SWR.4041056', 'The image tag does not exist.'),
};

/** Repository name from a path segment: SWR paths carry `/` as `$`. */
export function repositoryFromPath(segment: string): string {
  return segment.replaceAll('$', '/');
}

/** The caller's namespace named in the path, or a 404. */
export function findNamespace(context: RequestContext): SwrNamespace | EmuResponse {
  return ownSwrNamespace(context.state, context.params.namespace ?? '') ?? swrErrors.namespaceMissing();
}

/** The repository named in the path (in a namespace of the caller), or a 404. */
export function findRepository(
  context: RequestContext,
): { namespace: SwrNamespace; repository: SwrRepository } | EmuResponse {
  const namespace = findNamespace(context);
  if ('status' in namespace) return namespace;
  const repository = namespace.repositories.get(repositoryFromPath(context.params.repository ?? ''));
  return repository ? { namespace, repository } : swrErrors.repositoryMissing();
}

/** True for an error response returned by a lookup. */
export function isResponse(value: object): value is EmuResponse {
  return 'status' in value && typeof (value as { status: unknown }).status === 'number';
}

/**
 * Registry host SWR reports in pull paths and login secrets: the seeded host, else the region's (`region`
 * names another region's project, as a login secret's `projectname` does, so one emulator serves several).
 */
export function swrRegistryHost(context: RequestContext, region = context.state.region): string {
  return context.state.registryCredentials.swr?.host ?? `swr.${region}.myhuaweicloud.com`;
}
