// The failures prune-tags raises on purpose, after it has reported everything else.

/** Some planned deletions failed or were not attempted; `failed` holds the failed `repository:tag`. */
export class DeletionsFailedError extends Error {
  override readonly name = 'DeletionsFailedError';
  readonly failed: readonly string[];

  constructor(message: string, failed: readonly string[]) {
    super(message);
    this.failed = failed;
  }
}

/** Repositories whose retention policies were left alone because there are several. */
export class RetentionConflictError extends Error {
  override readonly name = 'RetentionConflictError';
}

/** The namespace the inputs name does not exist (or these credentials cannot see it). */
export class NamespaceNotFoundError extends Error {
  override readonly name = 'NamespaceNotFoundError';
}

/** A plan would delete more than the `max-deletions` guard allows. */
export class DeletionLimitError extends Error {
  override readonly name = 'DeletionLimitError';
  readonly planned: number;
  readonly limit: number;

  constructor(planned: number, limit: number) {
    super(
      `The plan deletes ${planned} tags, more than max-deletions (${limit}). Nothing was deleted. ` +
        'Review the plan with dry-run: true, then raise max-deletions if it is right.',
    );
    this.planned = planned;
    this.limit = limit;
  }
}
