// Planning a repository whose listing never marks manifest lists (CCR): the retained tags' manifests are
// read from the registry until the plan retains nothing unread, and what they say protects their images.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { planRepository } from '../../../src/actions/prune-tags/repository-plan.ts';
import { ApiError } from '../../../src/core/errors/errors.ts';
import type { ManifestFacts } from '../../../src/core/registry/manifest-document.ts';
import type { TagInfo } from '../../../src/providers/seam/tag-info.ts';
import { TagTable } from '../../../src/providers/seam/tag-table.ts';
import type { TagRegistry } from '../../../src/providers/seam/tags.ts';
import { days, rules, START, tag } from './tag-fixtures.ts';

/** A registry whose listing marks no lists; `documents` is what its v2 API serves per digest. */
function unmarkedRegistry(documents: Record<string, string[] | 'image' | 'unreadable'>) {
  const reads: string[] = [];
  const registry: TagRegistry = {
    repositoryProblems: () => [],
    listTags: async () => new TagTable(),
    deleteTag: async () => 'deleted',
    namespaceExists: async () => true,
    namespaceLabel: 'test namespace',
    listsUnmarked: true,
    manifests: {
      registry: 'registry.example',
      read: async (_repository, digest): Promise<ManifestFacts> => {
        reads.push(digest);
        const document = documents[digest];
        if (document === undefined || document === 'unreadable') {
          throw new ApiError({
            provider: 'CCR',
            operation: `read manifest ${digest}`,
            method: 'GET',
            path: '/v2/',
            status: 404,
            providerMessage: 'manifest unknown',
          });
        }
        return document === 'image'
          ? { digest, mediaType: 'application/vnd.oci.image.manifest.v1+json' }
          : { digest, mediaType: 'application/vnd.oci.image.index.v1+json', children: document };
      },
    },
  };
  return { registry, reads };
}

function captureLog(): string[] {
  const lines: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    lines.push(...String(chunk).split(/\r?\n/));
    return true;
  });
  return lines;
}

afterEach(() => {
  vi.restoreAllMocks();
});

/** keep release, delete what is older than 30 days. */
const planKeepingRelease = (registry: TagRegistry, tags: TagInfo[]) =>
  planRepository(
    registry,
    'app',
    TagTable.of(tags),
    rules({ keep: ['^release$'], olderThan: days(30) }),
    START,
  );

const verdicts = (plan: Awaited<ReturnType<typeof planRepository>>) =>
  Object.fromEntries(plan.decisions.map((d) => [d.tag.name, `${d.verdict}: ${d.reason}`]));

describe('planRepository on a listing that never marks manifest lists', () => {
  // release is a two-platform index; arm64-ci tags its arm64 image; old-1 is unrelated.
  const tags: TagInfo[] = [
    tag('release', 31, 'sha256:index'),
    tag('arm64-ci', 35, 'sha256:arm64'),
    tag('old-1', 40, 'sha256:old'),
  ];
  const served: Record<string, string[] | 'image'> = {
    'sha256:index': ['sha256:amd64', 'sha256:arm64'],
    'sha256:arm64': 'image',
    'sha256:old': 'image',
  };

  it('protects the platform image of a kept index and deletes the unrelated tag', async () => {
    const { registry, reads } = unmarkedRegistry({ ...served });
    const log = captureLog();
    const plan = await planKeepingRelease(registry, tags);
    expect(verdicts(plan)).toEqual({
      release: 'keep: kept: matches keep /^release$/',
      'arm64-ci': 'protect: protected: image of kept manifest list release',
      'old-1': `delete: older than 30d`,
    });
    // The index first; then arm64-ci, which the second plan retains (protected), turns out an image.
    expect(reads).toEqual(['sha256:index', 'sha256:arm64']);
    expect(log.join('\n')).toContain(
      'app: read 2 manifests of kept tags from the registry registry.example (1 manifest list among them)',
    );
  });

  it('reads each digest once, however many tags point at it', async () => {
    const { registry, reads } = unmarkedRegistry({ ...served });
    captureLog();
    const shared = [...tags, tag('release-copy', 32, 'sha256:index'), tag('arm64-again', 36, 'sha256:arm64')];
    const plan = await planRepository(
      registry,
      'app',
      TagTable.of(shared),
      rules({ keep: ['^release'], olderThan: days(30) }),
      START,
    );
    expect(reads).toEqual(['sha256:index', 'sha256:arm64']);
    expect(plan.counts).toEqual({ keep: 2, protect: 2, delete: 1 });
  });

  it('protects every candidate, with one warning, when a kept manifest cannot be read', async () => {
    const { registry, reads } = unmarkedRegistry({ ...served, 'sha256:index': 'unreadable' });
    const log = captureLog();
    const plan = await planKeepingRelease(registry, tags);
    expect(plan.counts).toEqual({ keep: 1, protect: 2, delete: 0 });
    expect(plan.decisions.find((d) => d.tag.name === 'old-1')?.reason).toBe(
      'protected: manifest list release could not be read, so no image in this repository can be proven unused',
    );
    expect(reads).toEqual(['sha256:index']);
    const warnings = log.filter((line) => line.startsWith('::warning::'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(
      'app: could not read 1 manifest of kept tags from the registry registry.example',
    );
    expect(warnings[0]).toContain('manifest unknown');
    expect(warnings[0]).toContain('so no tag of app is deleted');
  });

  it('reads nothing when the plan deletes nothing', async () => {
    const { registry, reads } = unmarkedRegistry({ ...served });
    const plan = await planRepository(
      registry,
      'app',
      TagTable.of(tags),
      rules({ olderThan: days(90) }),
      START,
    );
    expect(plan.counts.delete).toBe(0);
    expect(reads).toEqual([]);
  });

  it('deletes a tag whose image only an old, deleted index referenced', async () => {
    const { registry, reads } = unmarkedRegistry({ ...served, 'sha256:new': 'image' });
    captureLog();
    const listed = [
      tag('new', 1, 'sha256:new'),
      tag('old-index', 40, 'sha256:index'),
      tag('arm64-ci', 35, 'sha256:arm64'),
    ];
    const plan = await planRepository(
      registry,
      'app',
      TagTable.of(listed),
      rules({ olderThan: days(30) }),
      START,
    );
    expect(plan.counts).toEqual({ keep: 1, protect: 0, delete: 2 });
    expect(reads).toEqual(['sha256:new']);
  });
});
