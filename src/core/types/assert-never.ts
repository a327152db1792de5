/** Marks a case the type system proves unreachable; reaching it anyway (bad data at runtime) is a bug. */
export function assertNever(value: never, what = 'case'): never {
  throw new Error(`Unexpected ${what}: ${JSON.stringify(value)}`);
}
