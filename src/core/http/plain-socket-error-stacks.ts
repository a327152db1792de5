// undici closes connections with errors of its own: an idle keep-alive socket it times out, a socket the
// server closed (InformationalError `socket idle timeout`, SocketError `other side closed`…). Node formats
// each such error's stack as the socket is destroyed, although undici handles them itself and the client
// describes a failed request by code and message only. In dist/, stack traces are mapped to src/ through
// the bundles' source maps, and the first mapping of a trace through undici's chunk reads and sorts its
// map: about a second of CPU that froze a prune run in the middle of its deletions, whenever the run had
// fewer requests in flight than sockets open for 4 s. Those errors keep V8's own, unmapped trace; every
// other error's trace is mapped as before.

/** The codes of undici's connection-closing errors (undici/lib/core/errors.js). */
const SOCKET_CLOSE_CODES: ReadonlySet<unknown> = new Set(['UND_ERR_INFO', 'UND_ERR_SOCKET']);

type StackFormatter = NonNullable<typeof Error.prepareStackTrace>;

const plainFormatter: unique symbol = Symbol('plain socket error stacks');

/** The installed formatter, marked so a second dispatcher does not wrap it again. */
type MarkedFormatter = StackFormatter & { [plainFormatter]?: true };

/**
 * Wraps the installed stack formatter (source maps in dist/) so undici's connection-closing errors skip
 * it. Without an installed formatter V8 formats every trace itself and there is nothing to skip.
 */
export function plainSocketErrorStacks(): void {
  const mapped: MarkedFormatter | undefined = Error.prepareStackTrace;
  if (mapped === undefined || mapped[plainFormatter]) return;
  const formatter: MarkedFormatter = (error, frames) =>
    isSocketCloseError(error) ? v8Format(error, frames) : mapped(error, frames);
  formatter[plainFormatter] = true;
  Error.prepareStackTrace = formatter;
}

function isSocketCloseError(error: Error): boolean {
  return SOCKET_CLOSE_CODES.has((error as { code?: unknown }).code);
}

/** The trace as V8 writes it without a formatter: the error's text, then one `at` line per frame. */
function v8Format(error: Error, frames: NodeJS.CallSite[]): string {
  return `${Error.prototype.toString.call(error)}${frames.map((frame) => `\n    at ${frame}`).join('')}`;
}
