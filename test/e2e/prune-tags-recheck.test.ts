// prune-tags from dist/ against the emulator, where two tags change between the plan and the deletions:
// ci-1 is re-pushed with another image, and the kept tag latest is re-pushed onto ci-3's image. With the
// re-check (the default) both are skipped and reported; without it, both go, and with ci-3 latest's image.
import { describe, expect, it } from 'vitest';
import { type Emulator, type RequestLogEntry, startEmulator } from '../emulator/index.ts';
import { runStep, type StepResult } from '../harness/runner.ts';
import { closedAfterEach } from '../support/closed-after-each.ts';
import { swrEmulatorInputs } from '../support/emulator-inputs.ts';
import { renderedMarkdown } from '../support/rendered-markdown.ts';

const DAY = 86_400_000;
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
const at = (ms: number) => ({ created: ago(ms), updated: ago(ms) });
const TAGS_PATH = '/v2/manage/namespaces/team/repos/web/tags';
const emulatorForTest = closedAfterEach(startEmulator);

/** The emulator, and the re-pushes it makes once the first listing of web has been answered. */
async function emulatorRepushingAfterFirstListing(): Promise<Emulator> {
  let listed = false;
  const emu: Emulator = await emulatorForTest({
    seed: {
      swr: {
        namespaces: [
          {
            name: 'team',
            repositories: [
              {
                name: 'web',
                tags: [
                  { tag: 'latest', digest: 'sha256:l', ...at(DAY / 24) },
                  { tag: 'ci-1', digest: 'sha256:c1', ...at(40 * DAY) },
                  { tag: 'ci-2', digest: 'sha256:c2', ...at(41 * DAY) },
                  { tag: 'ci-3', digest: 'sha256:c3', ...at(42 * DAY) },
                ],
              },
            ],
          },
        ],
      },
    },
    afterResponse: (entry: RequestLogEntry) => {
      if (listed || entry.method !== 'GET' || entry.path !== TAGS_PATH || entry.status !== 200) return;
      listed = true;
      const tags = emu.state.swrNamespaces.get('team')?.repositories.get('web')?.tags;
      const ci1 = tags?.get('ci-1');
      const latest = tags?.get('latest');
      if (!ci1 || !latest) throw new Error('seed changed');
      // A CI job pushes ci-1 again (same age on purpose: only the digest tells), and latest moves to ci-3's image.
      ci1.digest = 'sha256:c1new';
      latest.digest = 'sha256:c3';
    },
  });
  return emu;
}

const prune = (emu: Emulator, inputs: Record<string, string> = {}): Promise<StepResult> =>
  runStep({
    action: 'prune-tags',
    inputs: {
      ...swrEmulatorInputs(emu.url),
      namespace: 'team',
      repositories: 'web',
      keep: 'latest',
      'older-than': '30d',
      ...inputs,
    },
  });

const tagsOf = (emu: Emulator) =>
  [...(emu.state.swrNamespaces.get('team')?.repositories.get('web')?.tags.keys() ?? [])].sort();
const listings = (emu: Emulator) => emu.requests.filter((r) => r.method === 'GET' && r.path === TAGS_PATH);

describe('prune-tags re-reads each repository right before deleting in it', () => {
  it('skips a tag re-pushed since the plan and one whose image a kept tag now has, and says so', async () => {
    const emu = await emulatorRepushingAfterFirstListing();
    const result = await prune(emu);
    expect(result.exitCode, result.log).toBe(0);
    expect(result.log).toMatch(/delete\s+ci-1\s/); // the plan, as printed, still deleted them
    expect(result.log).toContain(
      'skipped  web:ci-1: re-pushed since the plan (digest sha256:c1 → sha256:c1new)',
    );
    expect(result.log).toContain(
      'skipped  web:ci-3: changed since the plan, now protected: shares digest sha256:c3 with kept tag latest',
    );
    expect(result.log).toContain('Deleted 1 tag; skipped 2 tags that changed since the plan.');
    expect(JSON.parse(result.outputs.deleted ?? '')).toEqual(['web:ci-2']);
    expect(JSON.parse(result.outputs.skipped ?? '')).toEqual(['web:ci-1', 'web:ci-3']);
    expect(tagsOf(emu)).toEqual(['ci-1', 'ci-3', 'latest']);
    expect(listings(emu)).toHaveLength(2);
    const summary = renderedMarkdown(result.summary);
    expect(summary).toContain(
      '| `ci-1` | skipped: re-pushed since the plan (digest sha256:c1 → sha256:c1new) |',
    );
    expect(summary).toContain('| `ci-2` | deleted |');
  });

  it('without the re-check deletes by the plan: the re-pushed image and the kept tag with it', async () => {
    const emu = await emulatorRepushingAfterFirstListing();
    const result = await prune(emu, { recheck: 'false' });
    expect(result.exitCode, result.log).toBe(0);
    expect(listings(emu)).toHaveLength(1);
    expect(JSON.parse(result.outputs.deleted ?? '').sort()).toEqual(['web:ci-1', 'web:ci-2', 'web:ci-3']);
    // SWR deletes a tag's image (spec 4.3.2): latest, now on ci-3's image, went with it.
    expect(tagsOf(emu)).toEqual([]);
  });
});
