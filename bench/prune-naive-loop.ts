// Child process of bench/prune.ts: the baseline a user would write with the official SDK. Lists the
// repository page by page, then deletes its tags one by one, sequentially, with
// @huaweicloud/huaweicloud-sdk-swr (a devDependency, never bundled).
// `node bench/prune-naive-loop.ts <emulator url> <namespace> <repository>`; prints elapsed ms as JSON.
import { createRequire } from 'node:module';
import { DEFAULT_CREDENTIALS } from '../test/emulator/index.ts';

interface SwrSdk {
  SwrClient: { newBuilder(): SdkBuilder };
  ListRepositoryTagsRequest: new () => ListRequest;
  DeleteRepoTagRequest: new () => DeleteRequest;
}
interface SdkBuilder {
  withCredential(credential: unknown): SdkBuilder;
  withEndpoint(endpoint: string): SdkBuilder;
  build(): SdkClient;
}
interface ListRequest {
  withNamespace(namespace: string): ListRequest;
  withRepository(repository: string): ListRequest;
  withOffset(offset: string): ListRequest;
  withLimit(limit: string): ListRequest;
}
interface DeleteRequest {
  withNamespace(namespace: string): DeleteRequest;
  withRepository(repository: string): DeleteRequest;
  withTag(tag: string): DeleteRequest;
}
interface SdkClient {
  listRepositoryTags(request: ListRequest): Promise<TagRecord[] | { body?: TagRecord[] }>;
  deleteRepoTag(request: DeleteRequest): Promise<unknown>;
}
interface TagRecord {
  Tag?: string;
  tag?: string;
}
interface SdkCore {
  BasicCredentials: new () => { withAk(ak: string): SdkCredentials };
}
interface SdkCredentials {
  withSk(sk: string): SdkCredentials;
  withProjectId(id: string): SdkCredentials;
}

const require = createRequire(import.meta.url);
const swr = require('@huaweicloud/huaweicloud-sdk-swr/v2/public-api.js') as SwrSdk;
const core = require('@huaweicloud/huaweicloud-sdk-core') as SdkCore;

const [url = '', namespace = '', repository = ''] = process.argv.slice(2);
const PAGE = 100;

const began = performance.now();
const { accessKeyId, secretAccessKey } = DEFAULT_CREDENTIALS.huawei;
const credentials = new core.BasicCredentials().withAk(accessKeyId).withSk(secretAccessKey);
const client = swr.SwrClient.newBuilder().withCredential(credentials).withEndpoint(url).build();
const tags: string[] = [];
for (let offset = 0; ; offset += PAGE) {
  const request = new swr.ListRepositoryTagsRequest()
    .withNamespace(namespace)
    .withRepository(repository)
    .withOffset(String(offset))
    .withLimit(String(PAGE));
  const response = await client.listRepositoryTags(request);
  // The SDK answers a JSON array as the array itself (with its response fields added), not as `body`.
  const page = Array.isArray(response) ? (response as TagRecord[]) : (response.body ?? []);
  for (const record of page) tags.push(record.Tag ?? record.tag ?? '');
  if (page.length < PAGE) break;
}
for (const tag of tags) {
  await client.deleteRepoTag(
    new swr.DeleteRepoTagRequest().withNamespace(namespace).withRepository(repository).withTag(tag),
  );
}
console.log(JSON.stringify({ deleted: tags.length, ms: performance.now() - began }));
