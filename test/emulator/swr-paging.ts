// SWR list parameters: `filter=key::value|key::value`, offset/limit paging and `Content-Range` (spec 4.2.5, 4.3.1).

import type { EmuResponse } from './route-types.ts';
import { swrErrors } from './swr-rules.ts';

/** `namespace::a|mode::visible` → { namespace: 'a', mode: 'visible' }; undefined when malformed. */
export function parseFilter(filter: string | null): Record<string, string> | undefined {
  const result: Record<string, string> = {};
  if (filter === null || filter === '') return result;
  for (const part of filter.split('|')) {
    const at = part.indexOf('::');
    if (at <= 0) return undefined;
    result[part.slice(0, at)] = part.slice(at + 2);
  }
  return result;
}

/** Query parameters merged over the `filter` ones; an error response when the filter is malformed. */
export function listParameters(
  query: URLSearchParams,
  keys: readonly string[],
): Record<string, string> | EmuResponse {
  const filter = parseFilter(query.get('filter'));
  if (!filter) return swrErrors.invalidFilter();
  const params: Record<string, string> = { ...filter };
  for (const key of keys) {
    const value = query.get(key);
    if (value !== null) params[key] = value;
  }
  return params;
}

export interface Page {
  offset: number;
  limit: number;
}

/** offset/limit checked as SWR wants them: together, limit ≥ 1, offset a multiple of limit. */
export function readPage(
  params: Record<string, string>,
  defaultLimit?: number,
): Page | undefined | EmuResponse {
  const { offset, limit } = params;
  if (offset === undefined && limit === undefined)
    return defaultLimit ? { offset: 0, limit: defaultLimit } : undefined;
  if (offset === undefined || limit === undefined) {
    return swrErrors.invalidParameter('Parameters offset and limit should always be used together.');
  }
  const o = Number(offset);
  const l = Number(limit);
  if (!Number.isInteger(l) || l < 1) return swrErrors.invalidPageSize();
  if (!Number.isInteger(o) || o < 0 || o % l !== 0) {
    return swrErrors.invalidParameter('offset must be 0 or a positive integer multiple of limit.');
  }
  return { offset: o, limit: l };
}

/**
 * The records of a page and the `Content-Range` header (`offset-count/total`) when paging was asked for.
 * A server cap (`cap`) below `limit` serves fewer records than asked, as a capped registry does.
 */
export function pageOf<T>(
  records: T[],
  page: Page | undefined,
  withRange: boolean,
  cap?: number,
): { items: T[]; headers?: Record<string, string> } {
  if (!page) return { items: records };
  const served = Math.min(page.limit, cap ?? page.limit);
  const items = records.slice(page.offset, page.offset + served);
  if (!withRange) return { items };
  return { items, headers: { 'Content-Range': `${page.offset}-${items.length}/${records.length}` } };
}

/** Sorts by a column and direction given as SWR's order_column / order_type. */
export function sortRecords<T>(records: T[], key: (record: T) => string, orderType: string | undefined): T[] {
  const sorted = [...records].sort((a, b) => key(a).localeCompare(key(b)));
  return orderType === 'asc' ? sorted : sorted.reverse();
}
