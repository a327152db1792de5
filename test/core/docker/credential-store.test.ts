import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listStoreRegistries } from '../../../src/core/docker/credential-store.ts';

describe('listStoreRegistries', () => {
  it('lists the server addresses a real helper program reports', async () => {
    const bin = mkdtempSync(join(tmpdir(), 'helper-'));
    const program = join(bin, 'docker-credential-fake');
    writeFileSync(
      program,
      '#!/bin/sh\n[ "$1" = list ] && echo \'{"https://index.docker.io/v1/":"me","ghcr.io":"me"}\'\n',
    );
    chmodSync(program, 0o755);
    const run = (name: string, args: readonly string[]) =>
      import('node:child_process').then(
        ({ execFileSync }) => execFileSync(join(bin, name), [...args], { encoding: 'utf8' }) as string,
      );
    expect(await listStoreRegistries('fake', run)).toEqual(['https://index.docker.io/v1/', 'ghcr.io']);
  });

  it('is undefined when the helper is missing', async () => {
    expect(await listStoreRegistries('surely-not-installed-helper')).toBeUndefined();
  });

  it('is undefined for output that is not an object', async () => {
    expect(await listStoreRegistries('x', async () => '[]')).toBeUndefined();
  });

  it('refuses a store name that is not a plain program suffix', async () => {
    let called = false;
    const run = async () => {
      called = true;
      return '{}';
    };
    expect(await listStoreRegistries('../../bin/sh', run)).toBeUndefined();
    expect(called).toBe(false);
  });
});
