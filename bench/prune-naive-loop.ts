// Child process of bench/prune.ts: the naive baseline. Lists the repository, then deletes its tags one
// by one, sequentially, with the same HTTP client and provider calls as prune-tags (no rate cap).
// `node bench/prune-naive-loop.ts <emulator url> <namespace> <repository>`; prints elapsed ms as JSON.
import type { SwrConnection } from '../src/core/action/common-inputs.ts';
import { connectSwr } from '../src/providers/swr/connect.ts';
import { deleteSwrTag, listSwrTags } from '../src/providers/swr/tags.ts';
import { DEFAULT_CREDENTIALS } from '../test/emulator/credentials.ts';

const [url = '', namespace = '', repository = ''] = process.argv.slice(2);
const hw = DEFAULT_CREDENTIALS.huawei;
const connection: SwrConnection = {
  provider: 'swr',
  region: 'cn-north-4',
  endpoint: new URL(url),
  iamEndpoint: new URL(url),
  auth: {
    method: 'aksk',
    credentials: { accessKeyId: hw.accessKeyId, secretAccessKey: hw.secretAccessKey },
    source: 'bench',
  },
};

const began = performance.now();
const api = await connectSwr(connection);
const tags = await listSwrTags(api, namespace, repository);
for (const tag of tags) await deleteSwrTag(api, namespace, repository, tag.Tag);
console.log(JSON.stringify({ deleted: tags.length, ms: performance.now() - began }));
