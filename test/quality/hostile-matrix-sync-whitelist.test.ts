// Hostile-server matrix of sync-whitelist: dist/sync-whitelist (main and post) against the emulator behind
// a proxy; allowlist descriptions are what any org member with console access can write.
//
// | finding                                     | outcome         | changed            |
// | ------------------------------------------- | --------------- | ------------------ |
// | 1 commands in allowlist descriptions        | success         | the declared entry |
// | 4 the allowlist answer trickled in          | success         | the declared entry |
// | 5 a 200 MiB allowlist answer                | clean failure   | nothing            |
// | 7 markup in descriptions reaching summary   | success         | the declared entry |
// | 10 ip-lookup-url over plain http off-host   | input error     | nothing, no call   |
import { describe, expect } from 'vitest';
import { DEFAULT_CCR_INSTANCE, type EmulatorSeed } from '../emulator/index.ts';
import { ccrEmulatorInputs } from '../support/emulator-inputs.ts';
import { type HostileRow, itEachHostileRow } from './support/hostile-job.ts';
import { hostileText } from './support/runner-commands.ts';

const INSTANCE = DEFAULT_CCR_INSTANCE.id;
const seedWith = (description: string): EmulatorSeed => ({
  ccr: {
    instances: [
      { id: INSTANCE, publicLinks: { status: 'opened', whitelist: [{ ipAddr: '192.0.2.10', description }] } },
    ],
  },
});
const inputs = (endpoint: string) => ({
  ...ccrEmulatorInputs(endpoint),
  'instance-id': INSTANCE,
  mode: 'add',
  // 192.0.2.10 is declared too, so the plan shows its (hostile) description in a keep line.
  entries: '203.0.113.0/24 # office\n192.0.2.10',
});
const PUBLIC_LINKS = new RegExp(`^/v1/instances/${INSTANCE}/publiclinks$`);
const ADD_ENTRY = [new RegExp(`^(POST|PUT) /v1/instances/${INSTANCE}/publiclinks/whitelist$`)];

const rows: HostileRow[] = [
  {
    finding: '1. runner commands in allowlist descriptions',
    action: 'sync-whitelist',
    seed: seedWith(hostileText('description')),
    inputs,
    expected: 'succeeds',
    invariants: ['no runner command', 'no request off path'],
    allowedWrites: ADD_ENTRY,
    check: ({ main }) => expect(main.log).toContain('description\\n::warning::INJECTED'),
  },
  {
    finding: '4. the allowlist answer trickled one byte every 1.5 s',
    action: 'sync-whitelist',
    seed: seedWith('office'),
    inputs,
    rules: [{ method: 'GET', path: PUBLIC_LINKS, times: 1, delivery: { kind: 'trickle', everyMs: 1500 } }],
    expected: 'succeeds',
    invariants: ['bounded time and memory', 'no request off path'],
    allowedWrites: ADD_ENTRY,
    timeoutMs: 150_000,
  },
  {
    finding: '5. a 200 MiB allowlist answer',
    action: 'sync-whitelist',
    seed: seedWith('office'),
    inputs,
    rules: [{ method: 'GET', path: PUBLIC_LINKS, delivery: { kind: 'pad', bytes: 200 * 1024 * 1024 } }],
    expected: /larger than the 8 MiB allowed/,
    invariants: ['bounded time and memory', 'nothing deleted on doubt'],
    timeoutMs: 120_000,
  },
  {
    finding: '7. markup in allowlist descriptions reaching the job summary',
    action: 'sync-whitelist',
    seed: seedWith(
      '`</details><h1>owned</h1>` <img src=x onerror=alert(1)> [x](https://evil.example) | cell',
    ),
    inputs,
    expected: 'succeeds',
    invariants: ['no runner command', 'nothing deleted on doubt'],
    allowedWrites: ADD_ENTRY,
    check: ({ main }) => expect(main.summary).toContain('onerror'),
  },
  {
    finding: '10. ip-lookup-url over plain http to another host',
    action: 'sync-whitelist',
    seed: seedWith('office'),
    inputs: (endpoint) => ({
      ...inputs(endpoint),
      'runner-ip': 'true',
      'ip-lookup-url': 'http://192.0.2.80/ip',
    }),
    expected: /Input 'ip-lookup-url' must list https URLs/,
    invariants: ['nothing deleted on doubt'],
    check: ({ proxy }) => expect(proxy.requests).toEqual([]),
  },
];

describe.concurrent('sync-whitelist hostile-server matrix', () => {
  itEachHostileRow(rows);
});
