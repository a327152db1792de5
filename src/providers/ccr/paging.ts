import { ListingIncompleteError } from '../../core/errors/errors.ts';
import type { ApiClient, ApiRequest, QueryParams } from '../../core/http/types.ts';
import { asIncompleteListing, PageGuard } from '../../core/listing/page-guard.ts';

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
}

/** A list answer whose records are not under the expected key: the API's shape is not the one we know. */
export class CcrListShapeError extends Error {
  override name = 'CcrListShapeError';
}

/** Every record of a CCR list endpoint (pageNo/pageSize), checked against the reported total. */
export async function listAllCcr<T>(
  api: ApiClient,
  request: ApiRequest,
  options: CcrPageOptions<T>,
): Promise<T[]> {
  const guard = new PageGuard<T>({ operation: request.operation, keyOf: options.keyOf });
  const pageSize = Math.min(options.pageSize ?? 100, 100);
  const totalKey = options.totalKey ?? 'total';
  const all: T[] = [];
  let total: number | undefined;
  for (let pageNo = 1; ; pageNo++) {
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
    const page = Array.isArray(items) ? (items as T[]) : [];
    guard.accept(page);
    const reported = body?.[totalKey];
    if (typeof reported === 'number') {
      if (total !== undefined && reported !== total) {
        throw new ListingIncompleteError(
          `${request.operation}: the total changed from ${total} to ${reported} while paging; nothing was changed.`,
        );
      }
      total = reported;
    }
    all.push(...page);
    if (page.length < pageSize || (total !== undefined && all.length >= total)) break;
  }
  if (total !== undefined && all.length !== total) {
    throw new ListingIncompleteError(
      `${request.operation}: collected ${all.length} records but the API reported ${total}; nothing was changed.`,
    );
  }
  return all;
}
