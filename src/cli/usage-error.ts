/** A command line the CLI cannot run (unknown action or flag, missing value): exit code 2, nothing called. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
