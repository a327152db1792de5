// Lists with at least one element, so the first needs no check.

/** A list with at least one element. */
export type NonEmpty<T> = [T, ...T[]];

/** True when `list` has at least one element. */
export function isNonEmpty<T>(list: T[]): list is NonEmpty<T> {
  return list.length > 0;
}

/** `list` mapped through `f` in order, one call at a time, still non-empty. */
export async function mapInOrder<T, U>(list: NonEmpty<T>, f: (item: T) => Promise<U>): Promise<NonEmpty<U>> {
  const [first, ...rest] = list;
  const mapped: NonEmpty<U> = [await f(first)];
  for (const item of rest) mapped.push(await f(item));
  return mapped;
}

/** `list` mapped through `f`, still non-empty. */
export function mapNonEmpty<T, U>(list: NonEmpty<T>, f: (item: T, index: number) => U): NonEmpty<U> {
  const [first, ...rest] = list;
  return [f(first, 0), ...rest.map((item, index) => f(item, index + 1))];
}
