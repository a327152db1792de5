import { InputError } from '../../src/core/errors/errors.ts';

/** The InputError `fn` throws; any other error is rethrown, and not throwing fails the test. */
export function inputErrorOf(fn: () => unknown): InputError {
  try {
    fn();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}
