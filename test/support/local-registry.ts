// A real registry for end-to-end tests: Debian's docker-registry (distribution) with htpasswd auth on
// loopback, skopeo as the client, and a tiny OCI image built from plain files.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';

const REGISTRY_BIN = '/usr/bin/docker-registry';

function onPath(program: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${program}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Why the real-registry tests cannot run here, or undefined when they can. */
export function missingRegistryTools(): string | undefined {
  const missing = [
    !existsSync(REGISTRY_BIN) && `${REGISTRY_BIN} (Debian package docker-registry)`,
    !onPath('htpasswd') && 'htpasswd (apache2-utils)',
    !onPath('skopeo') && 'skopeo',
    !onPath('openssl') && 'openssl',
  ].filter(Boolean);
  return missing.length > 0 ? `missing ${missing.join(', ')}: run scripts/install-system-deps.sh` : undefined;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (typeof address !== 'object' || address === null) throw new Error('no port');
  return address.port;
}

export interface LocalRegistry {
  /** host:port for image references and docker config keys. */
  host: string;
  close(): Promise<void>;
}

/**
 * Starts docker-registry on 127.0.0.1 (plain HTTP) accepting the given htpasswd users (bcrypt). Its URLs
 * are relative, so it also serves behind a TLS-terminating proxy under another host name.
 */
export async function startLocalRegistry(
  username: string,
  password: string,
  ...others: Array<[username: string, password: string]>
): Promise<LocalRegistry> {
  const dir = mkdtempSync(join(tmpdir(), 'registry-'));
  const htpasswd = [[username, password], ...others]
    .map(([user, secret]) => execFileSync('htpasswd', ['-Bbn', user!, secret!], { encoding: 'utf8' }).trim())
    .join('\n');
  writeFileSync(join(dir, 'htpasswd'), `${htpasswd}\n`, { mode: 0o600 });
  const port = await freePort();
  const config = [
    'version: 0.1',
    'log: { level: error }',
    // Deletes are on: SWR and CCR delete a tag's image (a manifest by digest), and tests replay that.
    `storage: { filesystem: { rootdirectory: ${join(dir, 'data')} }, delete: { enabled: true } }`,
    `http: { addr: 127.0.0.1:${port}, secret: e2e-only-http-secret, relativeurls: true }`,
    `auth: { htpasswd: { realm: e2e-registry, path: ${join(dir, 'htpasswd')} } }`,
  ].join('\n');
  writeFileSync(join(dir, 'config.yml'), config);
  const child: ChildProcess = spawn(REGISTRY_BIN, ['serve', join(dir, 'config.yml')], { stdio: 'ignore' });
  const host = `127.0.0.1:${port}`;
  await waitForChallenge(host);
  return {
    host,
    close: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Deletes manifest `digest` of `name` as a registry's own tag delete does; returns the HTTP status (202). */
export async function deleteManifest(
  host: string,
  login: { username: string; password: string },
  name: string,
  digest: string,
): Promise<number> {
  const authorization = `Basic ${Buffer.from(`${login.username}:${login.password}`).toString('base64')}`;
  const response = await fetch(`http://${host}/v2/${name}/manifests/${digest}`, {
    method: 'DELETE',
    headers: { authorization },
  });
  return response.status;
}

async function waitForChallenge(host: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      const response = await fetch(`http://${host}/v2/`);
      if (response.status === 401) return;
    } catch {
      // not listening yet
    }
    await delay(50);
  }
  throw new Error(`docker-registry did not start on ${host}`);
}

function sha256(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** An OCI layout directory being written: blobs by content, and the index.json naming what it holds. */
function ociLayout() {
  const work = mkdtempSync(join(tmpdir(), 'oci-'));
  const layout = join(work, 'layout');
  const blobs = join(layout, 'blobs', 'sha256');
  mkdirSync(blobs, { recursive: true });
  const addBlob = (data: Buffer | string) => {
    const digest = sha256(data);
    writeFileSync(join(blobs, digest), data);
    return { digest: `sha256:${digest}`, size: Buffer.byteLength(data) };
  };
  /** A one-layer image of `content` for one platform: its manifest blob, and the bytes of config and layer. */
  const addImage = (content: string, architecture: string) => {
    const rootfs = join(work, `rootfs-${architecture}`);
    mkdirSync(rootfs);
    writeFileSync(join(rootfs, 'hello.txt'), content);
    const layerBlob = addBlob(execFileSync('tar', ['-C', rootfs, '-cf', '-', 'hello.txt']));
    const config = addBlob(
      JSON.stringify({
        architecture,
        os: 'linux',
        config: {},
        rootfs: { type: 'layers', diff_ids: [layerBlob.digest] },
      }),
    );
    const manifest = addBlob(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        config: { mediaType: 'application/vnd.oci.image.config.v1+json', ...config },
        layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar', ...layerBlob }],
      }),
    );
    return { manifest, config, size: layerBlob.size + config.size };
  };
  /** Names `entry` as tag `v1` of the layout. */
  const finish = (entry: { mediaType: string; digest: string; size: number }) => {
    writeFileSync(join(layout, 'oci-layout'), JSON.stringify({ imageLayoutVersion: '1.0.0' }));
    writeFileSync(
      join(layout, 'index.json'),
      JSON.stringify({
        schemaVersion: 2,
        manifests: [{ ...entry, annotations: { 'org.opencontainers.image.ref.name': 'v1' } }],
      }),
    );
  };
  return { layout, addBlob, addImage, finish };
}

/** A one-layer OCI image layout tagged `v1`, built from plain files; returns its path and config digest. */
export function buildOciImage(content = `built for an e2e test at ${new Date().toISOString()}\n`): {
  layout: string;
  configDigest: string;
  manifestDigest: string;
  size: number;
} {
  const oci = ociLayout();
  const image = oci.addImage(content, 'amd64');
  oci.finish({ mediaType: 'application/vnd.oci.image.manifest.v1+json', ...image.manifest });
  return {
    layout: oci.layout,
    configDigest: image.config.digest,
    manifestDigest: image.manifest.digest,
    size: image.size,
  };
}

/**
 * A multi-platform OCI image index tagged `v1` (one image per architecture, built on the spot): the
 * layout's path, the index's digest and each platform image's manifest digest.
 */
export function buildOciIndex(architectures: readonly string[] = ['amd64', 'arm64']): {
  layout: string;
  indexDigest: string;
  images: Array<{ architecture: string; digest: string }>;
} {
  const oci = ociLayout();
  const stamp = new Date().toISOString();
  const images = architectures.map((architecture) => ({
    architecture,
    manifest: oci.addImage(`${architecture} image built for an e2e test at ${stamp}\n`, architecture)
      .manifest,
  }));
  const index = oci.addBlob(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.index.v1+json',
      manifests: images.map(({ architecture, manifest }) => ({
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        ...manifest,
        platform: { architecture, os: 'linux' },
      })),
    }),
  );
  oci.finish({ mediaType: 'application/vnd.oci.image.index.v1+json', ...index });
  return {
    layout: oci.layout,
    indexDigest: index.digest,
    images: images.map(({ architecture, manifest }) => ({ architecture, digest: manifest.digest })),
  };
}

export interface SkopeoResult {
  code: number;
  output: string;
}

/** Runs skopeo with only the given environment (HOME, DOCKER_CONFIG…), as a later workflow step would. */
export function skopeo(args: readonly string[], env: Record<string, string>): Promise<SkopeoResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('skopeo', ['--insecure-policy', ...args], {
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

/** The config digest of an image pulled into an OCI layout. */
export function configDigestOf(layout: string): string {
  const index = JSON.parse(readFileSync(join(layout, 'index.json'), 'utf8'));
  const manifestDigest = String(index.manifests[0].digest).replace('sha256:', '');
  const manifest = JSON.parse(readFileSync(join(layout, 'blobs', 'sha256', manifestDigest), 'utf8'));
  return manifest.config.digest;
}
