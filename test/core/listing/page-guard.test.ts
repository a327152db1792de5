import { describe, expect, it } from 'vitest';
import { ApiError, ListingIncompleteError } from '../../../src/core/errors/errors.ts';
import { asIncompleteListing, PageGuard } from '../../../src/core/listing/page-guard.ts';

describe('PageGuard', () => {
  it('accepts pages of new records', () => {
    const guard = new PageGuard<{ name: string }>({ operation: 'list tags', keyOf: (t) => t.name });
    guard.accept([{ name: 'a' }, { name: 'b' }]);
    expect(() => guard.accept([{ name: 'c' }])).not.toThrow();
  });

  it('ends the listing as incomplete on the first page that repeats a record, naming it visibly', () => {
    const guard = new PageGuard<{ name: string }>({
      operation: 'list tags of team/web',
      keyOf: (t) => t.name,
    });
    guard.accept([{ name: 'v1' }, { name: 'v2\n::warning::x' }]);
    expect(() => guard.accept([{ name: 'v2\n::warning::x' }])).toThrow(
      new ListingIncompleteError(
        'list tags of team/web: page 2 repeats v2\\n::warning::x: the listing changed while it was read or ' +
          'the server ignores paging, so nothing was changed. Run again when it is quiet.',
      ),
    );
  });

  it('compares whole records when no key is given', () => {
    const guard = new PageGuard<object>({ operation: 'list' });
    guard.accept([{ ip: '1.2.3.4', d: 'a' }]);
    guard.accept([{ ip: '1.2.3.4', d: 'b' }]);
    expect(() => guard.accept([{ ip: '1.2.3.4', d: 'a' }])).toThrow(ListingIncompleteError);
  });

  it('ends a listing that goes past its page cap', () => {
    const guard = new PageGuard<number>({ operation: 'list', keyOf: String, maxPages: 3 });
    for (let page = 0; page < 3; page++) guard.accept([page]);
    expect(() => guard.accept([3])).toThrow(/still not at the end after 3 pages/);
  });
});

describe('asIncompleteListing', () => {
  const fields = { provider: 'SWR', operation: 'list', method: 'GET', path: '/x', status: 0 } as const;
  it('turns a page over the byte cap into an incomplete listing', () => {
    const tooLarge = new ApiError({ ...fields, providerMessage: 'too big', transport: 'RESPONSE_TOO_LARGE' });
    expect(asIncompleteListing(tooLarge, 'list tags')).toBeInstanceOf(ListingIncompleteError);
  });
  it('leaves other errors as they are', () => {
    const reset = new ApiError({ ...fields, providerMessage: 'reset', transport: 'ECONNRESET' });
    expect(asIncompleteListing(reset, 'list tags')).toBe(reset);
  });
});
