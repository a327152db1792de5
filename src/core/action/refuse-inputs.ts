import { InputError } from '../errors/errors.ts';
import { inputLabel } from './input-names.ts';
import type { InputReader } from './input-reader.ts';

/** Inputs that mean nothing `where` (e.g. "provider swr") are an error, not silently ignored. */
export function refuseInputs(reader: InputReader, names: readonly string[], where: string): void {
  const given = names.filter((name) => reader.optional(name) !== undefined);
  if (given.length === 0) return;
  throw new InputError(given, `${inputLabel(given)} cannot be used with ${where}.`);
}
