// The CLI's only way to the terminal: stdout carries what a script reads (outputs, help), stderr the log.
// Callers hand over text that is already escaped (core/output/log.ts, output-format.ts, help.ts).
import { streamDrained } from '../core/host/stream-drained.ts';

export interface Terminal {
  /** Text for stdout (outputs, help). */
  out(text: string): void;
  /** Text for stderr (the log). */
  err(text: string): void;
  /** Resolves once the text given to `err` is handed on. */
  errDrained?(): Promise<void>;
}

/** The process's own stdout and stderr. */
export const processTerminal: Terminal = {
  out: (text) => {
    process.stdout.write(text);
  },
  err: (text) => {
    process.stderr.write(text);
  },
  errDrained: () => streamDrained(process.stderr),
};
