import { ApiError, errorMessage, InputError } from '../errors/errors.ts';
import { logDebug, logFailure } from '../output/log.ts';
import { Shown, shown } from '../output/shown.ts';
import { redact } from '../redact/secrets.ts';

/** How a step ended: done, failed, or stopped by an InputError (bad input). */
export type StepOutcome = 'done' | 'failed' | 'input-error';

/**
 * Runs an action entry: the only place that fails the step (logFailure) and sets the exit code.
 * Expected failures (bad input, API errors) show their message only; anything else adds a
 * redacted stack trace in debug output, so a bug is diagnosable without leaking secrets.
 */
export async function runAction(entry: () => Promise<void>): Promise<void> {
  if ((await runStep(entry)) !== 'done') process.exitCode = 1;
}

/** Runs an entry and reports its failure through the log module; says how it ended (runAction, the CLI). */
export async function runStep(entry: () => Promise<void>): Promise<StepOutcome> {
  try {
    await entry();
    return 'done';
  } catch (error) {
    const message = redact(errorMessage(error));
    if (!isExpectedFailure(error) && error instanceof Error && error.stack) {
      const lines = redact(error.stack).split('\n');
      logDebug(
        Shown.join(
          lines.map((line) => shown`${line}`),
          '\n',
        ),
      );
    }
    logFailure(message);
    return error instanceof InputError ? 'input-error' : 'failed';
  }
}

/** Failures the project raises on purpose (named Error subclasses); built-in errors mean a bug. */
function isExpectedFailure(error: unknown): boolean {
  if (error instanceof InputError || error instanceof ApiError) return true;
  const builtIn = [Error, TypeError, RangeError, ReferenceError, SyntaxError] as const;
  return error instanceof Error && !builtIn.some((type) => error.constructor === type);
}
