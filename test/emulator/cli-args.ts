// Command-line flags of `npm run emulator` → startEmulator options (pure, so it is testable).
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { type FaultConfig, parseFaultConfig } from './faults.ts';
import type { EmulatorOptions } from './index.ts';
import { parseSeed } from './seed-parse.ts';

export const USAGE = `Usage: npm run -s emulator -- [options]
  --port N                 port to listen on (0: any free port; default 0)
  --host ADDR              loopback address (default 127.0.0.1)
  --seed FILE              initial state (JSON, see docs/emulator.md)
  --tag-delete-mode MODE   digest (default: delete every tag on its digest) | tag (delete only that tag)
  --token-lifetime SEC     IAM token lifetime in seconds
  --faults JSON|FILE       a FaultConfig (replaces the seed's faults); flags below add to it
  --fail-next N            answer the next N requests with --fail-status (default 500)
  --fail-status S          500 | 502 | 503
  --error-rate P           answer a share P (0..1) of requests with --fail-status (seeded, repeatable)
  --latency MS             delay every response
  --rate-limit N[/R]       token bucket: burst N, refill R per second (default N) → 429 + Retry-After
  --hang-next N            never answer the next N requests
  --drop-next N            close the connection of the next N requests without an answer
  --malformed-next N       cut the JSON body of the next N responses
  --lie-content-range N    report N more records in Content-Range / total than exist
  --revoke-after N         revoke every IAM token issued so far after N requests
  --unauthorized-after N   answer 401 to every request after the first N`;

const OPTIONS = {
  port: { type: 'string' },
  host: { type: 'string' },
  seed: { type: 'string' },
  'tag-delete-mode': { type: 'string' },
  'token-lifetime': { type: 'string' },
  faults: { type: 'string' },
  'fail-next': { type: 'string' },
  'fail-status': { type: 'string' },
  'error-rate': { type: 'string' },
  latency: { type: 'string' },
  'rate-limit': { type: 'string' },
  'hang-next': { type: 'string' },
  'drop-next': { type: 'string' },
  'malformed-next': { type: 'string' },
  'lie-content-range': { type: 'string' },
  'revoke-after': { type: 'string' },
  'unauthorized-after': { type: 'string' },
  help: { type: 'boolean' },
} as const;

function number(name: string, value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0)
    throw new Error(`--${name} must be a number ≥ 0, got "${value}"`);
  return n;
}

function readJsonArgument(value: string): unknown {
  return JSON.parse(value.trim().startsWith('{') ? value : readFileSync(value, 'utf8'));
}

function faultFlags(values: Record<string, string | boolean | undefined>, base: FaultConfig): FaultConfig {
  const faults: FaultConfig = { ...base };
  const flag = (name: string) => (typeof values[name] === 'string' ? number(name, values[name]) : undefined);
  const failNext = flag('fail-next');
  const errorRate = flag('error-rate');
  if (failNext !== undefined) faults.error = { next: failNext };
  else if (errorRate !== undefined) faults.error = { rate: errorRate };
  const status = flag('fail-status');
  if (status !== undefined) {
    if (status !== 500 && status !== 502 && status !== 503)
      throw new Error('--fail-status must be 500, 502 or 503');
    faults.errorStatus = status;
  }
  const latency = flag('latency');
  if (latency !== undefined) faults.latencyMs = latency;
  const rate = values['rate-limit'];
  if (typeof rate === 'string') {
    const [capacity = '', refill] = rate.split('/');
    const burst = number('rate-limit', capacity);
    faults.rateLimit = {
      capacity: burst,
      refillPerSecond: refill === undefined ? burst : number('rate-limit', refill),
    };
  }
  const nextFlags = { 'hang-next': 'hang', 'drop-next': 'drop', 'malformed-next': 'malformedJson' } as const;
  for (const [name, key] of Object.entries(nextFlags)) {
    const n = flag(name);
    if (n !== undefined) faults[key] = { next: n };
  }
  const lie = flag('lie-content-range');
  if (lie !== undefined) Object.assign(faults, { lieContentRange: true, lieContentRangeExtra: lie });
  const revoke = flag('revoke-after');
  if (revoke !== undefined) faults.revokeTokensAfter = revoke;
  const unauthorized = flag('unauthorized-after');
  if (unauthorized !== undefined) faults.unauthorized = { after: unauthorized };
  return faults;
}

/** Options from argv (without node and script); `help` when usage was asked for. */
export function parseCliArgs(argv: string[]): { help: true } | { help: false; options: EmulatorOptions } {
  const { values } = parseArgs({ args: argv, options: OPTIONS, strict: true, allowPositionals: false });
  if (values.help) return { help: true };
  const seed = values.seed ? parseSeed(readJsonArgument(values.seed)) : {};
  const mode = values['tag-delete-mode'];
  if (mode !== undefined && mode !== 'tag' && mode !== 'digest')
    throw new Error('--tag-delete-mode must be tag or digest');
  if (values['token-lifetime'])
    seed.tokenLifetimeSeconds = number('token-lifetime', values['token-lifetime']);
  const base = values.faults ? parseFaultConfig(readJsonArgument(values.faults)) : (seed.faults ?? {});
  const options: EmulatorOptions = {
    port: values.port === undefined ? 0 : number('port', values.port),
    seed,
    faults: faultFlags(values, base),
    ...(values.host ? { host: values.host } : {}),
    ...(mode ? { tagDeleteMode: mode } : {}),
  };
  return { help: false, options };
}
