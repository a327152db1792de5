// A stand-in for SWR's tag listing that holds no tags: record i of a repository of N is computed when a
// page asks for it, with every field the API returns (spec 4.3.1, table 4-35), so a listing of a million
// tags costs the server nothing while the action under measurement reads it exactly as from SWR.
// Answers `GET …/tags?offset&limit` with `Content-Range`; everything else 404.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TagPagesServer {
  url: string;
  requests: () => number;
  close: () => Promise<void>;
}

const START = Date.parse('2026-01-01T00:00:00Z');
const HOUR = 3_600_000;
const hex = (n: number) => `sha256:${n.toString(16).padStart(64, '0')}`;

/** Every 50th tag is a manifest list holding the next image; every 10th re-tags the image before it. */
function recordAt(i: number, namespace: string, repository: string) {
  const digest = hex(i % 10 === 0 && i > 0 ? i - 1 : i);
  const isList = i % 50 === 0;
  const name = i % 1000 === 0 ? `v${i / 1000}.0.0` : `build-${i}`;
  const time = new Date(START - i * HOUR).toISOString();
  return {
    id: i,
    repo_id: 1,
    Tag: name,
    image_id: digest.slice(7),
    manifest: isList
      ? JSON.stringify({
          schemaVersion: 2,
          mediaType: 'application/vnd.docker.distribution.manifest.list.v2+json',
          manifests: [{ digest: hex(i + 1), size: 528, platform: { architecture: 'amd64', os: 'linux' } }],
        })
      : JSON.stringify({
          schemaVersion: 2,
          mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
          config: { mediaType: 'application/vnd.docker.container.image.v1+json', size: 1862, digest },
          layers: [{ mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip', size: 1000, digest }],
        }),
    digest,
    schema: 2,
    path: `swr.cn-north-4.myhuaweicloud.com/${namespace}/${repository}:${name}`,
    internal_path: `10.0.0.1:20202/${namespace}/${repository}:${name}`,
    size: 1_000_000 + i,
    is_trusted: false,
    created: time,
    updated: time,
    deleted: null,
    domain_id: '0503dda878000fed0f75c0096d70a960',
    tag_type: isList ? 1 : 0,
  };
}

/** Serves `count` tags of every repository on a free loopback port. */
export async function startTagPagesServer(count: number): Promise<TagPagesServer> {
  let requests = 0;
  const server: Server = createServer((req, res) => {
    requests++;
    const url = new URL(req.url ?? '/', 'http://localhost');
    const match = url.pathname.match(/^\/v2\/manage\/namespaces\/([^/]+)\/repos\/([^/]+)\/tags$/);
    if (req.method !== 'GET' || !match) {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"error_code":"SVCSTG.SWR.4040002"}');
      return;
    }
    const offset = Number(url.searchParams.get('offset') ?? 0);
    const limit = Number(url.searchParams.get('limit') ?? 100);
    const end = Math.min(count, offset + limit);
    const records = [];
    const [, namespace = '', repository = ''] = match;
    for (let i = offset; i < end; i++) records.push(recordAt(i, namespace, repository));
    res.writeHead(200, {
      'content-type': 'application/json',
      'content-range': `${offset}-${records.length}/${count}`,
    });
    res.end(JSON.stringify(records));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests: () => requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
