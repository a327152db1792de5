// undici's proxy-aware agent, loaded from the modules that make it and its request API rather than from
// undici's index, which also loads fetch, WebSocket, EventSource, the cache, mock and snapshot layers and
// the Node modules they take (crypto, zlib, dns, worker_threads...): 16 MB of RSS over a bare Node once
// loaded, where the index takes 28 MB, and a smaller chunk in dist/. undici declares no exports map, so
// these paths are its package's files; a release that moves them fails the build (the bundler cannot
// resolve them) and test/core/http/undici-agent.test.ts, never a run.

import requestApi from 'undici/lib/api/index.js';
import Dispatcher from 'undici/lib/dispatcher/dispatcher.js';
import EnvHttpProxyAgent from 'undici/lib/dispatcher/env-http-proxy-agent.js';

// What undici's index does before it exports anything: `request` and its siblings live on the prototype.
Object.assign(Dispatcher.prototype, requestApi);

export { EnvHttpProxyAgent };
