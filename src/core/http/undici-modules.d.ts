// Types of the undici modules undici-agent.ts loads by path: the classes undici's index
// exports from them (undici ships types for its index only).
declare module 'undici/lib/dispatcher/dispatcher.js' {
  import type { Dispatcher } from 'undici';

  const dispatcher: typeof Dispatcher;
  export default dispatcher;
}

declare module 'undici/lib/dispatcher/env-http-proxy-agent.js' {
  import type { EnvHttpProxyAgent } from 'undici';

  const agent: typeof EnvHttpProxyAgent;
  export default agent;
}

declare module 'undici/lib/api/index.js' {
  import type { Dispatcher } from 'undici';

  const requestApi: Pick<Dispatcher, 'request' | 'stream' | 'pipeline' | 'connect' | 'upgrade'>;
  export default requestApi;
}
