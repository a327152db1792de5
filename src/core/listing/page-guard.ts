// Guards a paged listing against a server that never ends it: each record may appear once in the whole
// listing, and a listing may take only so many pages. Either breach ends it as incomplete, at once.
import { ApiError, ListingIncompleteError } from '../errors/errors.ts';
import { RESPONSE_TOO_LARGE } from '../http/attempt-limits.ts';
import { visible } from '../output/visible.ts';
import { CompactStringSet } from './compact-string-set.ts';

/** Most pages one listing may take: a million records at 100 a page. */
const DEFAULT_MAX_PAGES = 10_000;

export interface PageGuardOptions<T> {
  /** The listing, for messages: "list tags of team/web". */
  operation: string;
  /** What makes a record unique in the listing (its name, its id); default: the whole record. */
  keyOf?: (item: T) => string;
  maxPages?: number;
}

/** Tracks one listing page by page; `accept` throws ListingIncompleteError on a repeat or past the cap. */
export class PageGuard<T> {
  readonly #seen = new CompactStringSet();
  readonly #operation: string;
  readonly #keyOf: (item: T) => string;
  readonly #maxPages: number;
  #pages = 0;

  constructor(options: PageGuardOptions<T>) {
    this.#operation = options.operation;
    this.#keyOf = options.keyOf ?? ((item) => JSON.stringify(item));
    this.#maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
  }

  /** Checks one page (its records, or anything that lists them) before anyone uses it. */
  accept(page: Iterable<T>): void {
    this.#pages++;
    if (this.#pages > this.#maxPages) {
      throw new ListingIncompleteError(
        `${visible(this.#operation)}: still not at the end after ${this.#maxPages} pages; ` +
          'the listing is not reliable, so nothing was changed.',
      );
    }
    for (const item of page) {
      const key = this.#keyOf(item);
      if (!this.#seen.add(key)) {
        throw new ListingIncompleteError(
          `${visible(this.#operation)}: page ${this.#pages} repeats ${visible(key)}: the listing changed while ` +
            'it was read or the server ignores paging, so nothing was changed. Run again when it is quiet.',
        );
      }
    }
  }
}

/** A page too large for the byte cap makes the listing incomplete, not merely a failed call. */
export function asIncompleteListing(error: unknown, operation: string): unknown {
  if (!(error instanceof ApiError) || error.transport !== RESPONSE_TOO_LARGE) return error;
  return new ListingIncompleteError(
    `${visible(operation)}: a page was too large to read (${error.providerMessage}); ` +
      'the listing is incomplete, so nothing was changed.',
  );
}
