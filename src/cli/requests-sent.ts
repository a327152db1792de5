// Whether the step opened any connection or sent any request: an input error counts as "nothing called"
// (exit code 2) only if none went out. Read from Node's diagnostics channels, which undici and net publish.
import { subscribe, unsubscribe } from 'node:diagnostics_channel';

const CHANNELS = ['undici:request:create', 'net.client.socket'] as const;

/** Starts counting; `count()` is the number of requests and client sockets seen, `stop()` ends it. */
export function countRequests(): { count(): number; stop(): void } {
  let seen = 0;
  const onMessage = () => {
    seen++;
  };
  for (const channel of CHANNELS) subscribe(channel, onMessage);
  return {
    count: () => seen,
    stop: () => {
      for (const channel of CHANNELS) unsubscribe(channel, onMessage);
    },
  };
}
