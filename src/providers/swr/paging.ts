import { ListingIncompleteError } from '../../core/errors/errors.ts';
import type { ApiClient, ApiRequest, ApiResponse, QueryParams } from '../../core/http/types.ts';
import { asIncompleteListing, PageGuard } from '../../core/listing/page-guard.ts';
import { orderedPrefetch } from '../../core/paging/ordered-prefetch.ts';

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

export interface SwrPageOptions<T = unknown, R = T> {
  /** Records per page (`limit`); `offset` must be a multiple of it. */
  pageSize?: number;
  /**
   * What the caller keeps of a record, applied as each page arrives: pages waiting their turn (see
   * `prefetch`) then hold only that, not whole records. Default: the record itself.
   */
  shape?: (record: T) => R;
  /** What makes a (shaped) record unique (a repeat ends the listing as incomplete); default: the whole record. */
  keyOf?: (record: R) => string;
  /** Pages fetched at once once the first page has told the total (default 16). */
  prefetch?: number;
}

/** A listing read page by page into pages of the caller's making (`P`: an array of records, a table…). */
export interface SwrPaging<P extends { readonly length: number }> {
  pageSize: number;
  prefetch?: number;
  /** The page as the caller keeps it, made from its answer as it arrives, before it waits its turn. */
  pageOf: (response: ApiResponse) => P;
  /** What must be unique in the whole listing, for each record of a page (a repeat ends it as incomplete). */
  keysOf: (page: P) => Iterable<string>;
  /** Told how many records the listing will have, when its first page says (`Content-Range`). */
  onTotal?: (total: number) => void;
}

interface SwrPage<P> {
  records: P;
  total: number | undefined;
}

/**
 * Reads an SWR list endpoint page by page (offset/limit) to the end and yields each page's records in
 * order (see pagesOfSwr).
 */
export function pagesOfSwrList<T, R = T>(
  api: ApiClient,
  request: ApiRequest & { query?: QueryParams },
  options: SwrPageOptions<T, R> = {},
): AsyncGenerator<R[]> {
  const shape = options.shape ?? ((record: T) => record as unknown as R);
  const keyOf = options.keyOf ?? ((record: R) => JSON.stringify(record));
  return pagesOfSwr<R[]>(api, request, {
    pageSize: options.pageSize ?? 100,
    prefetch: options.prefetch,
    pageOf: (response) => (Array.isArray(response.body) ? response.body.map(shape) : []),
    keysOf: (page) => page.map(keyOf),
  });
}

/**
 * Reads an SWR list endpoint page by page (offset/limit) to the end and yields each page in order.
 * The first page's `Content-Range` gives the total, so the other pages are fetched several at a time
 * (the client's throttle decides how fast); without it pages are read one after another until a short one.
 * A server that serves fewer records than `limit` while `Content-Range` says more exist caps its pages:
 * the pages after a capped one ask for what it serves (see nextPageSize). Throws ListingIncompleteError
 * when the pages disagree with `Content-Range` (a total that changes or does not match what was
 * collected), so callers never act on a partial listing.
 */
export async function* pagesOfSwr<P extends { readonly length: number }>(
  api: ApiClient,
  request: ApiRequest & { query?: QueryParams },
  paging: SwrPaging<P>,
): AsyncGenerator<P> {
  const { pageSize } = paging;
  const guard = new PageGuard<string>({ operation: request.operation, keyOf: (key) => key });
  const fetchPage = async (offset: number, limit: number): Promise<SwrPage<P>> => {
    const query: QueryParams = [
      ...(request.query ?? []),
      ['offset', String(offset)],
      ['limit', String(limit)],
    ];
    const response = await api.request({ ...request, query }).catch((error: unknown) => {
      throw asIncompleteListing(error, request.operation);
    });
    return {
      records: paging.pageOf(response),
      total: parseContentRange(response.headers['content-range'])?.total,
    };
  };
  const accept = (page: SwrPage<P>) => guard.accept(paging.keysOf(page.records));
  const first = await fetchPage(0, pageSize);
  accept(first);
  const expectedTotal = first.total;
  if (expectedTotal !== undefined) paging.onTotal?.(expectedTotal);
  yield first.records;
  if (expectedTotal === undefined) {
    yield* restOneByOne(fetchPage, accept, first.records.length, pageSize);
    return;
  }
  let offset = first.records.length;
  let size = first.records.length < pageSize ? nextPageSize(offset, first.records.length) : pageSize;
  while (first.records.length > 0 && offset < expectedTotal) {
    // Pages of `size` from `offset` (a multiple of it), several at a time, until the end or a capped page.
    const from = offset;
    const count = Math.ceil((expectedTotal - from) / size);
    const pages = orderedPrefetch(count, paging.prefetch ?? 16, (i) => fetchPage(from + i * size, size));
    let capped = false;
    for await (const page of pages) {
      if (page.total !== undefined && page.total !== expectedTotal) {
        throw new ListingIncompleteError(
          `${request.operation}: the total changed from ${expectedTotal} to ${page.total} while paging; ` +
            'the listing is not reliable, so nothing was changed. Run again when the registry is quiet.',
        );
      }
      accept(page);
      yield page.records;
      offset += page.records.length;
      if (page.records.length === size || offset >= expectedTotal) continue;
      // Short before the end: the pages fetched after it left a gap; read on from here with what it serves.
      capped = page.records.length > 0;
      if (capped) size = nextPageSize(offset, page.records.length);
      break;
    }
    if (!capped) break;
  }
  if (offset !== expectedTotal) {
    throw new ListingIncompleteError(
      `${request.operation}: collected ${offset} records but Content-Range reported ${expectedTotal}; ` +
        'the listing is incomplete, so nothing was changed.',
    );
  }
}

/** Without a total: the next page until one comes back short. */
async function* restOneByOne<P extends { readonly length: number }>(
  fetchPage: (offset: number, limit: number) => Promise<SwrPage<P>>,
  accept: (page: SwrPage<P>) => void,
  from: number,
  pageSize: number,
): AsyncGenerator<P> {
  let offset = from;
  let last = from;
  while (last >= pageSize) {
    const page = await fetchPage(offset, pageSize);
    accept(page);
    last = page.records.length;
    offset += last;
    yield page.records;
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
