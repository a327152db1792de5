import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DockerConfigError, encodeAuth } from '../../../src/core/docker/docker-config.ts';
import {
  addDockerLogin,
  type DockerLoginContext,
  removeDockerLogin,
} from '../../../src/core/docker/docker-login.ts';

const registry = 'swr.cn-north-4.myhuaweicloud.com';
const request = { registry, username: 'cn-north-4@AK', password: 'pw-0123456789' };
const auth = encodeAuth(request.username, request.password);

function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A DOCKER_CONFIG directory holding `text` as config.json (no file when undefined). */
function givenConfig(text: string | undefined): { context: DockerLoginContext; path: string } {
  const dir = tempDir('docker-given-');
  const path = join(dir, 'config.json');
  if (text !== undefined) writeFileSync(path, text, { mode: 0o644 });
  return {
    path,
    context: {
      env: { DOCKER_CONFIG: dir },
      homeDir: tempDir('home-'),
      backupDir: tempDir('backup-'),
      listStore: async () => [],
    },
  };
}

const priorConfigs: Array<{ name: string; text: string | undefined }> = [
  { name: 'missing file', text: undefined },
  { name: 'empty file', text: '' },
  { name: 'other registries', text: JSON.stringify({ auths: { 'ghcr.io': { auth: 'Z2g6dG9r' } } }) },
  { name: 'same registry', text: JSON.stringify({ auths: { [registry]: { auth: 'b2xkOm9sZA==' } } }) },
  { name: 'credsStore', text: JSON.stringify({ credsStore: 'desktop', auths: { 'ghcr.io': {} } }) },
  { name: 'credHelpers', text: JSON.stringify({ credHelpers: { [registry]: 'swr', 'gcr.io': 'gcloud' } }) },
];

describe('addDockerLogin and removeDockerLogin on a given DOCKER_CONFIG', () => {
  it.each(priorConfigs)('logs in and restores: $name', async ({ text }) => {
    const { context, path } = givenConfig(text);
    const { record } = await addDockerLogin(request, context);
    const written = JSON.parse(readFileSync(path, 'utf8'));
    expect(written.auths[registry]).toEqual({ auth });
    expect(written.credsStore).toBeUndefined();
    expect(written.credHelpers?.[registry]).toBeUndefined();
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(record.exportDockerConfig).toBe(false);

    await removeDockerLogin(record);
    if (text === undefined) expect(existsSync(path)).toBe(false);
    else expect(JSON.parse(readFileSync(path, 'utf8') || '{}')).toEqual(JSON.parse(text || '{}'));
    expect(readdirSync(context.backupDir)).toEqual([]);
  });

  it('rejects corrupt JSON with a clear error and leaves the file untouched', async () => {
    const corrupt = '{"auths": {"ghcr.io": {"auth": "Z2g6dG9r"}';
    const { context, path } = givenConfig(corrupt);
    await expect(addDockerLogin(request, context)).rejects.toThrow(DockerConfigError);
    await expect(addDockerLogin(request, context)).rejects.toThrow(`${path} is not valid JSON`);
    expect(readFileSync(path, 'utf8')).toBe(corrupt);
    expect(statSync(path).mode & 0o777).toBe(0o644);
  });

  it('keeps the replaced entry only in a 0600 backup, never in the record', async () => {
    const { context } = givenConfig(JSON.stringify({ auths: { [registry]: { auth: 'b2xkOm9sZA==' } } }));
    const { record } = await addDockerLogin(request, context);
    expect(JSON.stringify(record)).not.toContain('b2xkOm9sZA==');
    expect(JSON.stringify(record)).not.toContain(auth);
    expect(statSync(record.backupFile!).mode & 0o777).toBe(0o600);
  });

  it('deletes the backup of the replaced login even when config.json was removed meanwhile', async () => {
    const { context, path } = givenConfig(
      JSON.stringify({ auths: { [registry]: { auth: 'b2xkOm9sZA==' } } }),
    );
    const { record } = await addDockerLogin(request, context);
    const { rmSync } = await import('node:fs');
    rmSync(path);
    const notes = await removeDockerLogin(record);
    expect(notes.join('\n')).toContain('nothing to remove');
    expect(readdirSync(context.backupDir)).toEqual([]);
  });

  it('refuses to write through a symlinked config.json, leaving the link and its target as they were', async () => {
    const { context, path } = givenConfig(undefined);
    const real = join(tempDir('elsewhere-'), 'docker.json');
    writeFileSync(real, '{}');
    const { symlinkSync } = await import('node:fs');
    symlinkSync(real, path);
    await expect(addDockerLogin(request, context)).rejects.toThrow(
      /is a symbolic link .*never through a link/,
    );
    expect(lstatSync(path).isSymbolicLink()).toBe(true);
    expect(readFileSync(real, 'utf8')).toBe('{}');
  });
});

describe('per-job isolation under RUNNER_TEMP', () => {
  function job(home: string): DockerLoginContext {
    const runnerTemp = tempDir('runner-temp-');
    return {
      env: {},
      jobTempDir: runnerTemp,
      homeDir: home,
      backupDir: runnerTemp,
      listStore: async () => [],
    };
  }

  function sharedHome(config: object | undefined): string {
    const home = tempDir('shared-home-');
    mkdirSync(join(home, '.docker', 'cli-plugins'), { recursive: true });
    if (config) writeFileSync(join(home, '.docker', 'config.json'), JSON.stringify(config));
    return home;
  }

  it('seeds a job directory from ~/.docker and never writes ~/.docker/config.json', async () => {
    const home = sharedHome({ auths: { 'ghcr.io': { auth: 'Z2g6dG9r' } } });
    const before = readFileSync(join(home, '.docker', 'config.json'), 'utf8');
    const { record } = await addDockerLogin(request, job(home));
    expect(record.exportDockerConfig).toBe(true);
    const written = JSON.parse(readFileSync(join(record.configDir, 'config.json'), 'utf8'));
    expect(written.auths).toEqual({ 'ghcr.io': { auth: 'Z2g6dG9r' }, [registry]: { auth } });
    expect(lstatSync(join(record.configDir, 'cli-plugins')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(home, '.docker', 'config.json'), 'utf8')).toBe(before);

    await removeDockerLogin(record);
    expect(existsSync(record.configDir)).toBe(false);
    expect(existsSync(join(home, '.docker', 'cli-plugins'))).toBe(true);
    expect(readFileSync(join(home, '.docker', 'config.json'), 'utf8')).toBe(before);
  });

  it('fails on a corrupt ~/.docker/config.json before creating anything', async () => {
    const home = sharedHome(undefined);
    writeFileSync(join(home, '.docker', 'config.json'), 'not json');
    const context = job(home);
    await expect(addDockerLogin(request, context)).rejects.toThrow('is not valid JSON');
    expect(readdirSync(context.jobTempDir!)).toEqual([]);
  });

  it('keeps two concurrent jobs on one HOME from breaking each other', async () => {
    const home = sharedHome({});
    const jobA = job(home);
    const jobB = job(home);
    const passwordB = { ...request, password: 'pw-of-job-b' };
    const [a, b] = await Promise.all([addDockerLogin(request, jobA), addDockerLogin(passwordB, jobB)]);
    expect(a.record.configDir).not.toBe(b.record.configDir);

    await removeDockerLogin(a.record);
    const configB = JSON.parse(readFileSync(join(b.record.configDir, 'config.json'), 'utf8'));
    expect(configB.auths[registry]).toEqual({ auth: encodeAuth(request.username, 'pw-of-job-b') });
    expect(JSON.parse(readFileSync(join(home, '.docker', 'config.json'), 'utf8'))).toEqual({});
  });

  it('leaves the job directory when a later step added something to it', async () => {
    const home = sharedHome(undefined);
    const { record } = await addDockerLogin(request, job(home));
    writeFileSync(join(record.configDir, 'buildx-state'), 'x');
    await removeDockerLogin(record);
    expect(existsSync(join(record.configDir, 'buildx-state'))).toBe(true);
    expect(existsSync(join(record.configDir, 'config.json'))).toBe(false);
  });
});

describe('without RUNNER_TEMP', () => {
  it('writes ~/.docker/config.json like docker login, and logout removes the file it created', async () => {
    const home = tempDir('home-');
    const context = { env: {}, homeDir: home, backupDir: tempDir('backup-') };
    const { record } = await addDockerLogin(request, context);
    const path = join(home, '.docker', 'config.json');
    expect(JSON.parse(readFileSync(path, 'utf8')).auths[registry]).toEqual({ auth });
    expect(statSync(join(home, '.docker')).mode & 0o777).toBe(0o700);
    await removeDockerLogin(record);
    expect(existsSync(path)).toBe(false);
  });
});
