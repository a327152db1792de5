import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../../src/core/docker/atomic-write.ts';

describe('writeFileAtomic', () => {
  it('replaces a 0644 file with a 0600 one and leaves no temporary file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'atomic-'));
    const path = join(dir, 'config.json');
    writeFileSync(path, 'old', { mode: 0o644 });
    await writeFileAtomic(path, 'new');
    expect(readFileSync(path, 'utf8')).toBe('new');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['config.json']);
  });

  it('never shows a reader a half-written file under concurrent writers', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'atomic-'));
    const path = join(dir, 'config.json');
    const bodies = Array.from({ length: 20 }, (_, i) =>
      JSON.stringify({ writer: i, pad: 'x'.repeat(50_000) }),
    );
    const reads: string[] = [];
    await Promise.all([
      ...bodies.map((body) => writeFileAtomic(path, body)),
      ...bodies.map(async () => {
        try {
          reads.push(readFileSync(path, 'utf8'));
        } catch {
          // not written yet
        }
      }),
    ]);
    for (const text of [...reads, readFileSync(path, 'utf8')]) expect(bodies).toContain(text);
    expect(readdirSync(dir)).toEqual(['config.json']);
  });
});
