// The failure of ensure-namespace that is about the registry's state, not a bad input or a failed call
// (a name taken by another account is the providers' NamespaceTakenError).

/** The plan cannot be carried out (or, in check-only mode, the registry differs from the declaration). */
export class NamespacePlanError extends Error {
  override readonly name = 'NamespacePlanError';
  /** Each reason, as also listed in the log and the job summary. */
  readonly reasons: readonly string[];

  constructor(message: string, reasons: readonly string[]) {
    super(message);
    this.reasons = reasons;
  }
}
