// CCR enterprise and personal namespace clients through the real HTTP client, signed, against the emulator.
import { describe, expect, it } from 'vitest';
import { ListingIncompleteError } from '../../../src/core/errors/errors.ts';
import type { ApiClient } from '../../../src/core/http/types.ts';
import { connectCcr } from '../../../src/providers/ccr/connect.ts';
import {
  deleteCcrPersonalProject,
  findCcrPersonalProject,
  listCcrPersonalMembers,
} from '../../../src/providers/ccr/personal-projects.ts';
import { createCcrProject, findCcrProject, isCcrProjectPublic } from '../../../src/providers/ccr/projects.ts';
import {
  DEFAULT_CCR_INSTANCE,
  type Emulator,
  type EmulatorSeed,
  startEmulator,
} from '../../emulator/index.ts';
import { closedAfterEach } from '../../support/closed-after-each.ts';
import { ccrEmulatorConnection } from '../../support/emulator-connections.ts';

const instance = DEFAULT_CCR_INSTANCE.id;
const emulatorForTest = closedAfterEach(startEmulator);
let emu: Emulator | undefined;

async function connect(seed: EmulatorSeed = {}): Promise<ApiClient> {
  emu = await emulatorForTest({ seed });
  return connectCcr(ccrEmulatorConnection(emu.url));
}

describe('CCR enterprise namespaces', () => {
  it('creates with public as a string, reports 409 as exists, and finds only the exact name', async () => {
    const api = await connect();
    expect(await createCcrProject(api, instance, { projectName: 'team-ab', public: false })).toBe('created');
    expect(await findCcrProject(api, instance, 'team')).toBeUndefined();
    expect(await createCcrProject(api, instance, { projectName: 'team', public: true })).toBe('created');
    expect(await createCcrProject(api, instance, { projectName: 'team', public: false })).toBe('exists');
    const found = await findCcrProject(api, instance, 'team');
    expect(found?.public).toBe('true');
    expect(found && isCcrProjectPublic(found)).toBe(true);
  });

  it('pages through more namespaces than one page holds', async () => {
    const projects = Array.from({ length: 120 }, (_, i) => ({ name: `team-${i}` }));
    const api = await connect({ ccr: { instances: [{ id: instance, projects }] } });
    expect((await findCcrProject(api, instance, 'team-119'))?.projectName).toBe('team-119');
  });
});

describe('CCR personal namespaces', () => {
  const seed: EmulatorSeed = {
    ccr: {
      personalProjects: [
        { id: 7, name: 'team', members: [{ userId: 'u1', userName: 'alice', role: 'admin' }] },
        { id: 8, name: 'team-b' },
      ],
    },
  };

  it('finds by exact name, lists members and deletes by id', async () => {
    const api = await connect(seed);
    expect(await findCcrPersonalProject(api, 'team')).toMatchObject({ projectId: 7, projectName: 'team' });
    expect(await listCcrPersonalMembers(api, 7)).toEqual([
      { userId: 'u1', userName: 'alice', role: 'admin' },
    ]);
    await deleteCcrPersonalProject(api, 7);
    expect(await findCcrPersonalProject(api, 'team')).toBeUndefined();
    expect((await findCcrPersonalProject(api, 'team-b'))?.projectId).toBe(8);
  });

  it('refuses a listing whose total does not match what was collected', async () => {
    const api = await connect(seed);
    emu!.setFaults({ routes: [{ method: 'GET', path: '/v1/ccr/projects', lieContentRange: true }] });
    await expect(findCcrPersonalProject(api, 'team')).rejects.toBeInstanceOf(ListingIncompleteError);
  });
});
