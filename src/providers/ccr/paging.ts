import { ListingIncompleteError } from '../../core/errors/errors.ts';
import type { ApiClient, ApiRequest, QueryParams } from '../../core/http/types.ts';
import { asIncompleteListing, PageGuard } from '../../core/listing/page-guard.ts';
import { orderedPrefetch } from '../../core/paging/ordered-prefetch.ts';

/** Baidu list bodies: `{<totalKey>,"pageNo","pageSize", <itemsKey>: [...]}`. */
type CcrPage = Record<string, unknown>;

export interface CcrPageOptions<T = unknown> {
  /** Name of the array field in the body: `items`, `projects`, `instances`… */
  itemsKey: string;
  /** Name of the record count field: `total` (enterprise), `totalCount` (personal). Default `total`. */
  totalKey?: string;
  /** `pageSize`; the APIs allow at most 100. */
  pageSize?: number;
  /** What makes a record unique (a repeat ends the listing as incomplete); default: the whole record. */
  keyOf?: (record: T) => string;
  /** A body without an `itemsKey` array throws CcrListShapeError instead of counting as an empty page. */
  strictItems?: boolean;
  /** Pages fetched at once once the first page has told the total (default 16). */
  prefetch?: number;
  /** Told how many records the listing will have, when its first page says. */
  onTotal?: (total: number) => void;
}

/** A list answer whose records are not under the expected key: the API's shape is not the one we know. */
export class CcrListShapeError extends Error {
  override name = 'CcrListShapeError';
}

interface CcrListPage<T> {
  records: T[];
  total: number | undefined;
}

/**
 * A CCR list endpoint (pageNo/pageSize) page by page, in order, checked against the reported total.
 * The first page's total gives the page count, so the others are fetched several at a time (the
 * client's throttle decides how fast); without a total, pages are read until one comes back short.
 */
export async function* pagesOfCcrList<T>(
  api: ApiClient,
  request: ApiRequest,
  options: CcrPageOptions<T>,
): AsyncGenerator<T[]> {
  const guard = new PageGuard<T>({ operation: request.operation, keyOf: options.keyOf });
  const pageSize = Math.min(options.pageSize ?? 100, 100);
  const totalKey = options.totalKey ?? 'total';
  const fetchPage = async (pageNo: number): Promise<CcrListPage<T>> => {
    const query: QueryParams = [
      ...(request.query ?? []),
      ['pageNo', String(pageNo)],
      ['pageSize', String(pageSize)],
    ];
    const { body } = await api.request<CcrPage>({ ...request, query }).catch((error: unknown) => {
      throw asIncompleteListing(error, request.operation);
    });
    const items = body?.[options.itemsKey];
    if (options.strictItems && !Array.isArray(items)) {
      throw new CcrListShapeError(`${request.operation}: the answer has no "${options.itemsKey}" list.`);
    }
    const reported = body?.[totalKey];
    return {
      records: Array.isArray(items) ? (items as T[]) : [],
      total: typeof reported === 'number' ? reported : undefined,
    };
  };
  const first = await fetchPage(1);
  guard.accept(first.records);
  const total = first.total;
  if (total !== undefined) options.onTotal?.(total);
  let collected = first.records.length;
  yield first.records;
  if (total === undefined) {
    for (let pageNo = 2, last = first.records.length; last >= pageSize; pageNo++) {
      const page = await fetchPage(pageNo);
      guard.accept(page.records);
      last = page.records.length;
      collected += last;
      yield page.records;
    }
    return;
  }
  const more = first.records.length < pageSize || collected >= total ? 0 : Math.ceil(total / pageSize) - 1;
  for await (const page of orderedPrefetch(more, options.prefetch ?? 16, (i) => fetchPage(i + 2))) {
    if (page.total !== undefined && page.total !== total) {
      throw new ListingIncompleteError(
        `${request.operation}: the total changed from ${total} to ${page.total} while paging; nothing was changed.`,
      );
    }
    guard.accept(page.records);
    collected += page.records.length;
    yield page.records;
  }
  if (collected !== total) {
    throw new ListingIncompleteError(
      `${request.operation}: collected ${collected} records but the API reported ${total}; nothing was changed.`,
    );
  }
}

/** Every record of a CCR list endpoint, checked against the reported total (see pagesOfCcrList). */
export async function listAllCcr<T>(
  api: ApiClient,
  request: ApiRequest,
  options: CcrPageOptions<T>,
): Promise<T[]> {
  const all: T[] = [];
  for await (const page of pagesOfCcrList<T>(api, request, options)) all.push(...page);
  return all;
}
