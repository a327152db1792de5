// The CLI's list of secret inputs is every input the actions read with InputReader.secret.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SECRET_INPUTS } from '../../src/cli/secret-inputs.ts';
import { repoRoot } from '../harness/runner.ts';

const src = join(repoRoot, 'src');
const sources = readdirSync(src, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.ts'))
  .map((file) => readFileSync(join(src, file), 'utf8'));

describe('SECRET_INPUTS', () => {
  it('is every input read as a secret', () => {
    const keyInputs = sources
      .flatMap((text) => [...text.matchAll(/KEY_INPUTS\s*=\s*\{([^}]*)\}/g)])
      .flatMap((match) => [...match[1]!.matchAll(/'([a-z-]+)'/g)].map((name) => name[1]!));
    const literal = sources.flatMap((text) =>
      [...text.matchAll(/\.secret\(\s*'([a-z-]+)'/g)].map((match) => match[1]!),
    );
    const viaKeyInputs = sources.some((text) => /\.secret\(\s*KEY_INPUTS\./.test(text));
    const read = new Set([...literal, ...(viaKeyInputs ? keyInputs : [])]);
    expect(read.size).toBeGreaterThan(2);
    expect([...SECRET_INPUTS].sort()).toEqual([...read].sort());
  });
});
