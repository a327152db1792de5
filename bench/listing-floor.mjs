// The memory floor under the dry-run figure: the HTTP client the action bundles (undici's agent, loaded by
// path as src/core/http/undici-agent.ts loads it, from this project's node_modules) reading the same listing
// 16 pages at a time (the action's prefetch window), each body read to its end and dropped, nothing parsed or
// kept. Plain JavaScript, so Node loads no type stripper. Prints the process's peak RSS in MB when it is done:
// `node bench/listing-floor.mjs <server url> <tags>`.
import requestApi from 'undici/lib/api/index.js';
import Dispatcher from 'undici/lib/dispatcher/dispatcher.js';
import EnvHttpProxyAgent from 'undici/lib/dispatcher/env-http-proxy-agent.js';

Object.assign(Dispatcher.prototype, requestApi);

const [url, tags] = process.argv.slice(2);
const pages = Math.ceil(Number(tags) / 100);
const dispatcher = new EnvHttpProxyAgent();
let next = 0;
async function reader() {
  while (next < pages) {
    const offset = 100 * next++;
    const response = await dispatcher.request({
      origin: url,
      path: `/v2/manage/namespaces/team/repos/big/tags?offset=${offset}&limit=100`,
      method: 'GET',
    });
    for await (const _ of response.body);
  }
}
await Promise.all(Array.from({ length: 16 }, reader));
console.log(process.resourceUsage().maxRSS / 1024);
process.exit(0);
