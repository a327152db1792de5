// Peak RSS of a whole prune-tags dry run through dist/ (listing, plan printed, outputs and summary
// written), run by the runner harness against a server that computes N tags on demand.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runStep } from '../test/harness/runner.ts';
import { swrEmulatorInputs } from '../test/support/emulator-inputs.ts';
import { startTagPagesServer } from './tag-pages-server.ts';

const preload = resolve(import.meta.dirname, 'report-peak-rss.mjs');
const floorScript = resolve(import.meta.dirname, 'listing-floor.mjs');

export interface DryRunMemory {
  tags: number;
  peakRssMb: number;
  seconds: number;
  planned: number;
}

/** One dry run of `tags` tags (keep the newest 10, delete the rest); its child's peak RSS. */
export async function dryRunMemory(tags: number): Promise<DryRunMemory> {
  const server = await startTagPagesServer(tags);
  const rssFile = join(mkdtempSync(join(tmpdir(), 'prune-rss-')), 'peak');
  try {
    const began = performance.now();
    const result = await runStep({
      action: 'prune-tags',
      timeoutMs: 1_800_000,
      inputs: {
        ...swrEmulatorInputs(server.url),
        namespace: 'team',
        repositories: 'big',
        'keep-last': '10',
        'max-deletions': String(tags),
        'dry-run': 'true',
      },
      env: { NODE_OPTIONS: `--import=${preload}`, PEAK_RSS_FILE: rssFile },
    });
    const seconds = (performance.now() - began) / 1000;
    if (result.exitCode !== 0) throw new Error(`prune-tags dry run failed:\n${result.log.slice(-2000)}`);
    return {
      tags,
      peakRssMb: Number(readFileSync(rssFile, 'utf8')),
      seconds,
      planned: Number(result.outputs['planned-count']),
    };
  } finally {
    await server.close();
  }
}

/** Peak RSS in MB of undici's agent alone reading the same listing of `tags` tags (bodies dropped): the floor under a dry run. */
export async function listingFloorMb(tags: number): Promise<number> {
  const server = await startTagPagesServer(tags);
  try {
    const stdout = await new Promise<string>((done, fail) =>
      execFile(process.execPath, [floorScript, server.url, String(tags)], (error, out) =>
        error ? fail(error) : done(out),
      ),
    );
    return Number(stdout.trim());
  } finally {
    await server.close();
  }
}

if (import.meta.filename === process.argv[1]) {
  console.log(JSON.stringify(await dryRunMemory(Number(process.argv[2] ?? 100_000))));
}
