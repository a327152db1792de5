// Shared pieces of the CCR routes: paging (pageNo/pageSize ≤ 100), lookups, name rule, Baidu errors.
import { baiduError } from './responses.ts';
import type { EmuResponse, RequestContext } from './route-types.ts';
import type { CcrInstance, CcrProject, CcrRepository } from './state.ts';

/** Enterprise namespace name: lowercase letters, digits and `._-`, no separator at either end, not all digits. */
export function isValidCcrProjectName(name: string): boolean {
  return name.length <= 64 && /^[a-z0-9](?:[a-z0-9._-]*[a-z0-9])?$/.test(name) && !/^\d+$/.test(name);
}

export interface CcrPage {
  pageNo: number;
  pageSize: number;
}

/** pageNo ≥ 1 and 1 ≤ pageSize ≤ 100 (default pageSize per API), or a 400. */
export function readCcrPage(context: RequestContext, defaultSize: number): CcrPage | EmuResponse {
  const pageNo = Number(context.query.get('pageNo') ?? '1');
  const pageSize = Number(context.query.get('pageSize') ?? String(defaultSize));
  if (!Number.isInteger(pageNo) || pageNo < 1) return invalid(context, 'pageNo must be a whole number ≥ 1.');
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100) {
    return invalid(context, 'pageSize must be a whole number from 1 to 100.');
  }
  return { pageNo, pageSize };
}

/** The records of one page. */
export function pageItems<T>(records: T[], page: CcrPage): T[] {
  return records.slice((page.pageNo - 1) * page.pageSize, page.pageNo * page.pageSize);
}

/** An enterprise list body: `{"total","pageNo","pageSize", <itemsKey>: one page of records, shown}`. */
export function ccrListBody<T>(
  records: T[],
  page: CcrPage,
  itemsKey: string,
  show: (record: T) => unknown,
): Record<string, unknown> {
  const items = pageItems(records, page).map(show);
  return { total: records.length, pageNo: page.pageNo, pageSize: page.pageSize, [itemsKey]: items };
}

export function invalid(context: RequestContext, message: string): EmuResponse {
  return baiduError(context, 400, 'InvalidParameter', message);
}

export function badBody(context: RequestContext): EmuResponse {
  return baiduError(context, 400, 'MalformedJSON', 'The request body is not valid JSON.');
}

export function notFound(context: RequestContext, what: string): EmuResponse {
  return baiduError(context, 404, 'NotFound', `${what} not found.`);
}

export function isEmuResponse(value: object): value is EmuResponse {
  return 'status' in value && typeof (value as { status: unknown }).status === 'number';
}

/** The instance in the path, or a 404. */
export function findInstance(context: RequestContext): CcrInstance | EmuResponse {
  const id = context.params.instanceId ?? '';
  return context.state.ccrInstances.get(id) ?? notFound(context, `Instance ${id}`);
}

/** The instance, project and repository in the path, or a 404. */
/**
 * The repository name in the path as the configured form wants it: `single` takes the segment decoded
 * once (`a%2Fb` → `a/b`); `double` decodes once more (`a%252Fb` → `a/b`) and, like a router that splits
 * on a decoded `/`, finds nothing for a single-encoded one.
 */
function repositoryNameOf(context: RequestContext): string {
  const once = context.params.repositoryName ?? '';
  if (context.state.ccrForms.repositoryEncoding === 'single') return once;
  if (once.includes('/')) return '';
  try {
    return decodeURIComponent(once);
  } catch {
    return '';
  }
}

export function findCcrRepository(
  context: RequestContext,
): { instance: CcrInstance; project: CcrProject; repository: CcrRepository } | EmuResponse {
  const instance = findInstance(context);
  if (isEmuResponse(instance)) return instance;
  const project = instance.projects.get(context.params.projectName ?? '');
  if (!project) return notFound(context, `Project ${context.params.projectName}`);
  const repository = project.repositories.get(repositoryNameOf(context));
  if (!repository) return notFound(context, `Repository ${context.params.repositoryName}`);
  return { instance, project, repository };
}

export function baiduConflict(context: RequestContext, message: string): EmuResponse {
  return baiduError(context, 409, 'Conflict', message);
}
