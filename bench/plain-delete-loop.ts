// A plain loop of the requests prune-tags sends while deleting: `workers` at a time, each a signed
// DELETE of the next tag (undici, SDK-HMAC-SHA256 as the action signs), no throttle, no retry, no
// bookkeeping. Run in a child process as the action is: its rate is what this machine reaches with
// the bare requests against the same emulator, the ceiling any controller works under.
// Usage: node bench/plain-delete-loop.ts URL NAMESPACE REPOSITORY TAGS WORKERS; prints one JSON line.
import { call } from '../test/emulator/test-client.ts';

const [url, namespace, repository, tags, workers] = process.argv.slice(2);
if (!url || !namespace || !repository || !tags || !workers) {
  throw new Error('usage: plain-delete-loop.ts URL NAMESPACE REPOSITORY TAGS WORKERS');
}
const total = Number(tags);
let next = 0;
let answered = 0;
let other = 0;
const began = performance.now();
await Promise.all(
  Array.from({ length: Number(workers) }, async () => {
    while (next < total) {
      const tag = `build-${next++}`;
      const path = `/v2/manage/namespaces/${namespace}/repos/${repository}/tags/${tag}`;
      const { status } = await call(url, { method: 'DELETE', path, auth: 'huawei' });
      if (status === 200 || status === 204) answered++;
      else other++;
    }
  }),
);
console.log(JSON.stringify({ answered, other, ms: performance.now() - began }));
