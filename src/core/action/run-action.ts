import { ApiError, errorMessage, InputError } from '../errors/errors.ts';
import { logDebug, logFailure } from '../output/log.ts';
import { Shown, shown } from '../output/shown.ts';
import { redact } from '../redact/secrets.ts';

/**
 * Runs an action entry: the only place that fails the step (logFailure) and sets the exit code.
 * Expected failures (bad input, API errors) show their message only; anything else adds a
 * redacted stack trace in debug output, so a bug is diagnosable without leaking secrets.
 */
export async function runAction(entry: () => Promise<void>): Promise<void> {
  try {
    await entry();
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
    process.exitCode = 1;
  }
}

/** Failures the project raises on purpose (named Error subclasses); built-in errors mean a bug. */
function isExpectedFailure(error: unknown): boolean {
  if (error instanceof InputError || error instanceof ApiError) return true;
  const builtIn = [Error, TypeError, RangeError, ReferenceError, SyntaxError] as const;
  return error instanceof Error && !builtIn.some((type) => error.constructor === type);
}
