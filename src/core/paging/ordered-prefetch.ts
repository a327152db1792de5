// Fetches numbered pages a few at a time and yields them in order: a listing whose page count is known
// after its first page goes at the speed the throttle allows, while at most `window` pages wait in memory.

/** Yields fetch(0) … fetch(count - 1) in order, with up to `window` fetches under way at once. */
export async function* orderedPrefetch<T>(
  count: number,
  window: number,
  fetch: (index: number) => Promise<T>,
): AsyncGenerator<T> {
  const pending: Promise<T>[] = [];
  let started = 0;
  const startNext = () => {
    const promise = fetch(started++);
    // A page that fails while earlier ones are still being yielded must not be an unhandled rejection.
    promise.catch(() => undefined);
    pending.push(promise);
  };
  try {
    while (started < count && pending.length < window) startNext();
    for (let next = pending.shift(); next; next = pending.shift()) {
      const page = await next;
      if (started < count) startNext();
      yield page;
    }
  } finally {
    // Stopped early (an error, or the caller broke off): nothing more starts; those under way finish unobserved.
    started = count;
  }
}
