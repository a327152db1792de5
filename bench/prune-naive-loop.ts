// Child process of bench/prune.ts: the naive baseline. Lists the repository, then deletes its tags one
// by one, sequentially, with the same HTTP client and provider calls as prune-tags (no rate cap).
// `node bench/prune-naive-loop.ts <emulator url> <namespace> <repository>`; prints elapsed ms as JSON.
import { connectSwr } from '../src/providers/swr/connect.ts';
import { deleteSwrTag, listSwrTags } from '../src/providers/swr/tags.ts';
import { swrEmulatorConnection } from '../test/support/emulator-connections.ts';

const [url = '', namespace = '', repository = ''] = process.argv.slice(2);

const began = performance.now();
const api = await connectSwr(swrEmulatorConnection(url));
const tags = await listSwrTags(api, namespace, repository);
for (const tag of tags) await deleteSwrTag(api, namespace, repository, tag.Tag);
console.log(JSON.stringify({ deleted: tags.length, ms: performance.now() - began }));
