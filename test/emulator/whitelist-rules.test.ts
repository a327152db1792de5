import { afterEach, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from './index.ts';
import { parseSeed } from './seed-parse.ts';
import { caller } from './test-client.ts';
import type { WhitelistRules } from './whitelist-rules.ts';

const clock = new Date('2025-03-01T10:00:00Z');
const PATH = '/v1/instances/ccr-emu00001/publiclinks/whitelist';
let emulator: Emulator | undefined;

afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

/** An emulator holding `198.51.100.7` under the given rules, and the add/delete calls to try on it. */
async function start(rules?: Partial<WhitelistRules>) {
  emulator = await startEmulator({
    now: () => clock,
    seed: {
      ...(rules ? { whitelistRules: rules } : {}),
      ccr: {
        instances: [
          { id: 'ccr-emu00001', publicLinks: { whitelist: [{ ipAddr: '198.51.100.7', description: 'a' }] } },
        ],
      },
    },
  });
  const ccr = caller(emulator.url, { auth: 'baidu', signedAt: clock });
  const listed = () => emulator!.state.ccrInstances.get('ccr-emu00001')!.whitelist.map((e) => e.ipAddr);
  return {
    listed,
    add: async (ipAddr: string) =>
      (await ccr({ method: 'POST', path: PATH, body: { ipAddr, description: 'b' } })).status,
    remove: async (...items: string[]) =>
      (await ccr({ method: 'DELETE', path: PATH, body: { items } })).status,
  };
}

describe('CCR allowlist rules the reference leaves open', () => {
  it('distinct (default): a host and its /32 form are two entries, each deleted by its own text', async () => {
    const { add, remove, listed } = await start();
    expect(await add('198.51.100.7/32')).toBe(200);
    expect(await add('198.51.100.7')).toBe(409);
    expect(listed()).toEqual(['198.51.100.7', '198.51.100.7/32']);
    expect(await remove('198.51.100.7')).toBe(200);
    expect(listed()).toEqual(['198.51.100.7/32']);
    expect(await remove('198.51.100.7')).toBe(200); // absent: ignored
  });

  it('same-entry: the /32 form is a duplicate of the host, and a delete by either form removes it', async () => {
    const { add, remove, listed } = await start({ hostForms: 'same-entry' });
    expect(await add('198.51.100.7/32')).toBe(409);
    expect(await remove('198.51.100.7/32')).toBe(200);
    expect(listed()).toEqual([]);
    expect(await add('198.51.100.7/32')).toBe(200);
    expect(listed()).toEqual(['198.51.100.7/32']);
  });

  it('bare-only: the /32 form of a host is refused as invalid; wider networks are not', async () => {
    const { add, listed } = await start({ hostForms: 'bare-only' });
    expect(await add('198.51.100.7/32')).toBe(400);
    expect(await add('203.0.113.0/24')).toBe(200);
    expect(listed()).toEqual(['198.51.100.7', '203.0.113.0/24']);
  });

  it('deleteAbsent not-found: a delete naming an absent address answers 404 and removes nothing', async () => {
    const { remove, listed } = await start({ deleteAbsent: 'not-found' });
    expect(await remove('198.51.100.7', '198.51.100.8')).toBe(404);
    expect(listed()).toEqual(['198.51.100.7']);
    expect(await remove('198.51.100.7')).toBe(200);
    expect(listed()).toEqual([]);
  });

  it('refuses a seed with an unknown rule, naming the field', () => {
    expect(() => parseSeed({ whitelistRules: { hostForms: 'merged' } })).toThrow(
      'seed: whitelistRules.hostForms must be one of distinct, same-entry, bare-only',
    );
    expect(() => parseSeed({ whitelistRules: { deleteAbsent: 'fails' } })).toThrow(
      'seed: whitelistRules.deleteAbsent must be one of ignored, not-found',
    );
  });
});
