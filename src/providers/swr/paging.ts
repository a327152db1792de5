import { ListingIncompleteError } from '../../core/errors/errors.ts';
import type { ApiClient, ApiRequest, QueryParams } from '../../core/http/types.ts';
import { asIncompleteListing, PageGuard } from '../../core/listing/page-guard.ts';

/** SWR's `Content-Range: offset-count/total` response header (spec 4.2.5, 4.3.1). */
export interface ContentRange {
  offset: number;
  count: number;
  total: number;
}

/** Parses `Content-Range`; undefined when absent or malformed. */
export function parseContentRange(value: string | undefined): ContentRange | undefined {
  const match = value?.trim().match(/^(\d+)\s*-\s*(\d+)\s*\/\s*(\d+)$/);
  if (!match) return undefined;
  return { offset: Number(match[1]), count: Number(match[2]), total: Number(match[3]) };
}

export interface SwrPageOptions<T = unknown> {
  /** Records per page (`limit`); `offset` must be a multiple of it. */
  pageSize?: number;
  /** What makes a record unique (a repeat ends the listing as incomplete); default: the whole record. */
  keyOf?: (record: T) => string;
}

/**
 * Reads an SWR list endpoint page by page (offset/limit) to the end and yields each page.
 * A server that serves fewer records than `limit` while `Content-Range` says more exist caps its pages:
 * the next pages ask for what it serves (see nextPageSize). Throws ListingIncompleteError when the pages
 * disagree with `Content-Range` (a total that changes or does not match what was collected), so callers
 * never act on a partial listing.
 */
export async function* pagesOfSwrList<T>(
  api: ApiClient,
  request: ApiRequest & { query?: QueryParams },
  options: SwrPageOptions<T> = {},
): AsyncGenerator<T[]> {
  let pageSize = options.pageSize ?? 100;
  const guard = new PageGuard<T>({ operation: request.operation, keyOf: options.keyOf });
  let offset = 0;
  let expectedTotal: number | undefined;
  for (;;) {
    const query: QueryParams = [
      ...(request.query ?? []),
      ['offset', String(offset)],
      ['limit', String(pageSize)],
    ];
    const response = await api.request<T[]>({ ...request, query }).catch((error: unknown) => {
      throw asIncompleteListing(error, request.operation);
    });
    const page = Array.isArray(response.body) ? response.body : [];
    guard.accept(page);
    const range = parseContentRange(response.headers['content-range']);
    const total = range?.total;
    if (total !== undefined) {
      if (expectedTotal !== undefined && total !== expectedTotal) {
        throw new ListingIncompleteError(
          `${request.operation}: the total changed from ${expectedTotal} to ${total} while paging; ` +
            'the listing is not reliable, so nothing was changed. Run again when the registry is quiet.',
        );
      }
      expectedTotal = total;
    }
    yield page;
    offset += page.length;
    if (page.length === 0) break;
    if (expectedTotal === undefined) {
      // No Content-Range: only a short page tells the end.
      if (page.length < pageSize) break;
      continue;
    }
    if (offset >= expectedTotal) break;
    if (page.length < pageSize) pageSize = nextPageSize(offset, page.length);
  }
  if (expectedTotal !== undefined && offset !== expectedTotal) {
    throw new ListingIncompleteError(
      `${request.operation}: collected ${offset} records but Content-Range reported ${expectedTotal}; ` +
        'the listing is incomplete, so nothing was changed.',
    );
  }
}

/**
 * The page size after a capped page of `served` records: SWR wants `offset` to be a multiple of
 * `limit` (spec 4.2.5), so the largest size not above `served` that divides the next offset. From
 * the first page that is `served` itself.
 */
function nextPageSize(offset: number, served: number): number {
  let a = offset;
  let b = served;
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/** Every record of an SWR list endpoint, checked complete (see pagesOfSwrList). */
export async function listAllSwr<T>(
  api: ApiClient,
  request: ApiRequest,
  options: SwrPageOptions<T> = {},
): Promise<T[]> {
  const all: T[] = [];
  for await (const page of pagesOfSwrList<T>(api, request, options)) all.push(...page);
  return all;
}
