import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SOURCE_HASH_FILE, sourceHash } from '../../scripts/source-hash.ts';
import { refuseStaleDist } from '../harness/dist-freshness.ts';

/** A checkout with the given files, written in the given order. */
function checkout(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'ra-source-hash-'));
  for (const [path, text] of Object.entries(files)) write(root, path, text);
  return root;
}

function write(root: string, path: string, text: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

const files = {
  'src/actions/login/main.ts': 'login();\n',
  'src/core/a.ts': 'export const a = 1;\n',
  'package-lock.json': '{}\n',
  'scripts/build.mjs': '// build\n',
};

describe('the hash of what dist/ is built from', () => {
  it('depends on file contents only: not on the order files were written in, nor on their times', () => {
    const one = checkout(files);
    const other = checkout(Object.fromEntries(Object.entries(files).reverse()));
    utimesSync(join(other, 'src/core/a.ts'), new Date(0), new Date(0));
    expect(sourceHash(other)).toBe(sourceHash(one));
  });

  it('changes with any file under src/ and with the lock file, not with files the build does not read', () => {
    const root = checkout(files);
    const before = sourceHash(root);
    write(root, 'README.md', 'docs\n');
    expect(sourceHash(root)).toBe(before);
    write(root, 'src/core/a.ts', 'export const a = 2;\n');
    const edited = sourceHash(root);
    expect(edited).not.toBe(before);
    write(root, 'package-lock.json', '{ "lockfileVersion": 3 }\n');
    expect(sourceHash(root)).not.toBe(edited);
  });
});

describe('the harness before running a bundle', () => {
  it('runs a dist/ built from the sources, and refuses one older than src/ with what to do', () => {
    const root = checkout(files);
    write(root, SOURCE_HASH_FILE, `${sourceHash(root)}\n`);
    const bundle = join(root, 'dist/login/index.js');
    expect(() => refuseStaleDist(bundle, root)).not.toThrow();

    const edited = checkout(files);
    write(edited, SOURCE_HASH_FILE, `${sourceHash(edited)}\n`);
    write(edited, 'src/actions/login/main.ts', 'login(); // edited\n');
    expect(() => refuseStaleDist(join(edited, 'dist/login/index.js'), edited)).toThrow(
      'dist/ is older than src/ (dist/.source-hash does not match): run npm run build (dist/login/index.js would run an old bundle)',
    );
  });

  it('refuses a dist/ without a recorded hash, and leaves scripts outside dist/ alone', () => {
    const root = checkout(files);
    expect(() => refuseStaleDist(join(root, 'dist/cli.js'), root)).toThrow(
      'dist/ is older than src/ (dist/.source-hash is missing): run npm run build',
    );
    expect(() => refuseStaleDist(join(root, 'test/fixtures/echo-action/main.mjs'), root)).not.toThrow();
  });
});
