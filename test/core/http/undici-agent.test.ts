import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { type LocalServer, startLocalServer } from './support/local-server.ts';

const run = promisify(execFile);
const agentModule = new URL('../../../src/core/http/undici-agent.ts', import.meta.url).href;

// A fresh Node that loads only the agent module, sends one GET with it and says which of undici's files it read.
const oneRequest = `
import { createRequire } from 'node:module';
const { EnvHttpProxyAgent } = await import(${JSON.stringify(agentModule)});
const dispatcher = new EnvHttpProxyAgent();
const target = new URL(process.argv[1]);
const response = await dispatcher.request({ origin: target.origin, path: '/ping', method: 'GET' });
const body = await response.body.text();
await dispatcher.close();
const files = Object.keys(createRequire(import.meta.url).cache).filter((file) => file.includes('/undici/'));
console.log(JSON.stringify({ status: response.statusCode, body, files: files.map((file) => file.slice(file.lastIndexOf('/undici/') + 8)) }));
`;

let server: LocalServer | undefined;
afterEach(async () => server?.close());

describe("undici's agent loaded by path", () => {
  it('is the class undici exports, with the request API on it', async () => {
    const { EnvHttpProxyAgent } = await import('../../../src/core/http/undici-agent.ts');
    const undici = await import('undici');
    expect(EnvHttpProxyAgent).toBe(undici.EnvHttpProxyAgent);
    const agent = new EnvHttpProxyAgent();
    expect(agent.request).toBe(undici.Dispatcher.prototype.request);
    await agent.close();
  });

  it("sends a request without loading undici's index, fetch or the cache layers", async () => {
    server = await startLocalServer([{ status: 200, body: 'pong' }]);
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', oneRequest, server.url]);
    const seen = JSON.parse(stdout) as { status: number; body: string; files: string[] };
    expect(seen.status).toBe(200);
    expect(seen.body).toBe('pong');
    expect(server.requests.map((request) => request.url)).toEqual(['/ping']);
    expect(seen.files).toContain('lib/dispatcher/env-http-proxy-agent.js');
    expect(seen.files).not.toContain('index.js');
    expect(seen.files.filter((file) => /^lib\/(web|cache|mock)\//.test(file))).toEqual([]);
  });
});
