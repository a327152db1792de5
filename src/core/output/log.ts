// The one way to the step log and annotations: only Shown text (values escaped) is accepted, and each
// line is checked once more on the way out, so no line the runner reads can be a workflow command. The
// step's host (the runner, or the CLI) frames the lines.
import { stepHost } from '../host/step-host.ts';
import type { Shown } from './shown.ts';
import { visibleLines } from './visible.ts';

/** A plain log line (or lines). */
export function logInfo(text: Shown): void {
  stepHost().log.info(visibleLines(text.text));
}

/** A warning annotation. */
export function logWarning(text: Shown): void {
  stepHost().log.warning(visibleLines(text.text));
}

/** A notice annotation. */
export function logNotice(text: Shown): void {
  stepHost().log.notice(visibleLines(text.text));
}

/** A line shown only with step debug logging on. */
export function logDebug(text: Shown): void {
  stepHost().log.debug(visibleLines(text.text));
}

/** Whether debug lines are shown: a caller that logs often skips building lines nobody sees. */
export function debugLogging(): boolean {
  return stepHost().log.debugShown();
}

/** Lines folded under a title in the log, until `endLogGroup`. */
export function startLogGroup(title: Shown): void {
  stepHost().log.startGroup(visibleLines(title.text));
}

export function endLogGroup(): void {
  stepHost().log.endGroup();
}

/** Resolves once the lines logged so far are handed on to the host: a long run of lines waits here now and then. */
export function logDrained(): Promise<void> {
  return stepHost().log.drained?.() ?? Promise.resolve();
}

/** The step's failure annotation: error text is the project's own with values escaped where they were put in. */
export function logFailure(message: string): void {
  stepHost().log.failure(visibleLines(message));
}
