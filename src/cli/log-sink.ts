// The step log on a terminal: plain lines on stderr instead of workflow commands. Annotations become
// `error:`, `warning:` and `notice:` lines; debug lines show only with --debug; a group is its title line.
import type { LogSink } from '../core/host/step-host.ts';
import type { Terminal } from './terminal.ts';

/** A log sink that also counts its warnings (a post step warns about each undo it had to leave behind). */
export interface TerminalLogSink extends LogSink {
  readonly warnings: () => number;
}

/** A sink writing to `terminal`'s stderr; text arrives escaped by the log module. */
export function terminalLogSink(terminal: Terminal, options: { debug: boolean }): TerminalLogSink {
  const line = (prefix: string, text: string) => terminal.err(`${prefix}${text}\n`);
  let warnings = 0;
  return {
    info: (text) => line('', text),
    warning: (text) => {
      warnings++;
      line('warning: ', text);
    },
    notice: (text) => line('notice: ', text),
    debug: (text) => {
      if (options.debug) line('debug: ', text);
    },
    debugShown: () => options.debug,
    startGroup: (title) => line('', title),
    endGroup: () => {},
    failure: (message) => line('error: ', message),
    warnings: () => warnings,
    drained: () => terminal.errDrained?.() ?? Promise.resolve(),
  };
}
