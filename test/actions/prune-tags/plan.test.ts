import { describe, expect, it } from 'vitest';
import { type PrunePlan, planPrune } from '../../../src/actions/prune-tags/plan.ts';
import { DAY, days, list, rules, START, tag } from './tag-fixtures.ts';

/** tag → "verdict: reason" for compact assertions. */
function outcome(plan: PrunePlan): Record<string, string> {
  return Object.fromEntries(plan.decisions.map((d) => [d.tag.name, `${d.verdict}: ${d.reason}`]));
}

describe('planPrune: rules', () => {
  it('keeps a listed tag whose name breaks the tag rules, whatever the rules say, and ranks it nowhere', () => {
    const refused = { ...tag('..', 90), refused: 'not a valid tag name: it is a dot segment' };
    const plan = planPrune([refused, tag('old', 80), tag('new', 1)], rules({ keepLast: 1 }), START);
    expect(plan.decisions.map((d) => [d.tag.name, d.verdict, d.reason])).toEqual([
      ['new', 'keep', 'kept: among the newest 1 (keep-last)'],
      ['old', 'delete', 'not among the newest 1'],
      ['..', 'keep', 'kept: not a valid tag name: it is a dot segment; never acted on'],
    ]);
  });

  it('keeps the newest N and deletes the rest, saying why', () => {
    const plan = planPrune([tag('a', 3), tag('b', 1), tag('c', 2)], rules({ keepLast: 2 }), START);
    expect(outcome(plan)).toEqual({
      b: 'keep: kept: among the newest 2 (keep-last)',
      c: 'keep: kept: among the newest 2 (keep-last)',
      a: 'delete: not among the newest 2',
    });
    expect(plan.decisions.map((d) => d.tag.name)).toEqual(['b', 'c', 'a']);
    expect(plan.counts).toEqual({ keep: 2, protect: 0, delete: 1 });
  });

  it('breaks equal update times by tag name', () => {
    const plan = planPrune([tag('z', 1), tag('m', 1), tag('a', 1)], rules({ keepLast: 1 }), START);
    expect(plan.decisions.filter((d) => d.verdict === 'keep').map((d) => d.tag.name)).toEqual(['a']);
  });

  it('deletes only tags older than the age when older-than is set', () => {
    const plan = planPrune([tag('old', 40), tag('young', 10)], rules({ olderThan: days(30) }), START);
    expect(outcome(plan)).toEqual({
      young: 'keep: kept: newer than 30d',
      old: 'delete: older than 30d',
    });
  });

  it('needs both older-than and beyond keep-last to delete', () => {
    const tags = [tag('t1', 50), tag('t2', 45), tag('t3', 40), tag('t4', 5)];
    const plan = planPrune(tags, rules({ keepLast: 2, olderThan: days(30) }), START);
    expect(outcome(plan)).toEqual({
      t4: 'keep: kept: newer than 30d',
      t3: 'keep: kept: among the newest 2 (keep-last)',
      t2: 'delete: older than 30d, not among the newest 2',
      t1: 'delete: older than 30d, not among the newest 2',
    });
  });

  it('considers only included tags and never excluded ones', () => {
    const tags = [tag('pr-1', 9), tag('pr-2', 8), tag('main-1', 9), tag('pr-keepme', 9)];
    const plan = planPrune(tags, rules({ include: ['^pr-'], exclude: ['keepme'] }), START);
    expect(outcome(plan)).toEqual({
      'main-1': 'keep: kept: not selected by include',
      'pr-1': 'delete: selected by include',
      'pr-keepme': 'keep: kept: matches exclude /keepme/',
      'pr-2': 'delete: selected by include',
    });
  });

  it('counts keep-last among the selected tags only', () => {
    const tags = [tag('main-1', 1), tag('pr-1', 2), tag('pr-2', 3), tag('pr-3', 4)];
    const plan = planPrune(tags, rules({ include: ['^pr-'], keepLast: 2 }), START);
    expect(plan.decisions.filter((d) => d.verdict === 'delete').map((d) => d.tag.name)).toEqual(['pr-3']);
  });

  it('always keeps tags matching a keep pattern', () => {
    const plan = planPrune(
      [tag('latest', 90), tag('v1.2.3', 90), tag('ci-7', 90)],
      rules({ keep: ['^latest$', '^v\\d+\\.\\d+\\.\\d+$'], olderThan: days(30) }),
      START,
    );
    expect(outcome(plan)).toEqual({
      'ci-7': 'delete: older than 30d',
      latest: 'keep: kept: matches keep /^latest$/',
      'v1.2.3': 'keep: kept: matches keep /^v\\d+\\.\\d+\\.\\d+$/',
    });
  });

  it('keeps tags updated after the run started, and tags without a time or digest', () => {
    const future = { ...tag('pushed-now', 0), updatedAt: START.getTime() + 1000 };
    const noTime = { ...tag('no-time', 0), updatedAt: Number.NaN };
    const noDigest = tag('no-digest', 90, '');
    const plan = planPrune([future, noTime, noDigest], rules({ olderThan: days(1) }), START);
    expect(outcome(plan)).toEqual({
      'no-time': 'keep: kept: the registry reported no update time',
      'pushed-now': 'keep: kept: updated after the run started',
      'no-digest': 'keep: kept: the registry reported no digest',
    });
  });

  it('keeps the highest N releases of each major with keep-semver', () => {
    const tags = ['v1.0.0', 'v1.2.0', 'v1.10.0', 'v2.0.0', 'v2.0.1', 'v2.1.0-rc.1', 'nightly'].map(
      (name, i) => tag(name, 10 + i),
    );
    const plan = planPrune(tags, rules({ keepSemver: 2 }), START);
    const verdicts = Object.fromEntries(plan.decisions.map((d) => [d.tag.name, d.verdict]));
    expect(verdicts).toEqual({
      'v1.0.0': 'delete',
      'v1.2.0': 'keep',
      'v1.10.0': 'keep',
      'v2.0.0': 'keep',
      'v2.0.1': 'keep',
      'v2.1.0-rc.1': 'delete',
      nightly: 'delete',
    });
    expect(outcome(plan)['v1.10.0']).toBe(
      'keep: kept: among the 2 highest releases of major 1 (keep-semver)',
    );
  });
});

describe('planPrune: protection', () => {
  it('keeps every tag that shares a digest with a kept tag', () => {
    const tags = [
      tag('latest', 1, 'sha256:aaaaaaaaaaaaaaaaaaaa'),
      tag('build-1', 40, 'sha256:aaaaaaaaaaaaaaaaaaaa'),
      tag('build-0', 50),
    ];
    const plan = planPrune(tags, rules({ keepLast: 1 }), START);
    expect(outcome(plan)).toEqual({
      latest: 'keep: kept: among the newest 1 (keep-last)',
      'build-1': 'protect: protected: shares digest sha256:aaaaaaaaaaaa with kept tag latest',
      'build-0': 'delete: not among the newest 1',
    });
    expect(plan.counts).toEqual({ keep: 1, protect: 1, delete: 1 });
  });

  it('keeps the images of a kept manifest list', () => {
    const tags = [
      list('v2', 1, ['sha256:amd64', 'sha256:arm64']),
      tag('v2-amd64', 40, 'sha256:amd64'),
      tag('old', 40),
    ];
    const plan = planPrune(tags, rules({ keepLast: 1 }), START);
    expect(outcome(plan)['v2-amd64']).toBe('protect: protected: image of kept manifest list v2');
    expect(outcome(plan).old).toBe('delete: not among the newest 1');
  });

  it('keeps a manifest list that holds the image of a kept tag', () => {
    const tags = [
      tag('amd64-latest', 1, 'sha256:amd64'),
      list('multi', 40, ['sha256:amd64', 'sha256:arm64']),
      tag('arm', 41, 'sha256:arm64'),
    ];
    const plan = planPrune(tags, rules({ keepLast: 1 }), START);
    expect(outcome(plan)).toEqual({
      'amd64-latest': 'keep: kept: among the newest 1 (keep-last)',
      multi: 'protect: protected: manifest list holding the image of kept tag amd64-latest',
      arm: 'protect: protected: linked through manifest lists to kept tag amd64-latest',
    });
  });

  it('deletes a manifest list and its images together when nothing kept needs them', () => {
    const tags = [tag('new', 1), list('multi', 40, ['sha256:amd64']), tag('multi-amd64', 40, 'sha256:amd64')];
    const plan = planPrune(tags, rules({ keepLast: 1 }), START);
    expect(plan.counts).toEqual({ keep: 1, protect: 0, delete: 2 });
  });

  it('deletes nothing when a manifest list cannot be read', () => {
    const tags = [list('broken', 1, undefined), tag('old', 40)];
    const plan = planPrune(tags, rules({ keepLast: 1 }), START);
    expect(outcome(plan).old).toBe(
      'protect: protected: manifest list broken could not be read, so no image in this repository can be proven unused',
    );
  });

  it('protects every deletion in a repository where a kept tag has no digest (its image is unknown)', () => {
    // Deleting a tag deletes its image (SWR spec 4.3.2); any candidate may be the kept tag's image.
    const tags = [tag('latest', 1, ''), tag('old-a', 40, 'sha256:aaa'), tag('old-b', 41, 'sha256:bbb')];
    const plan = planPrune(tags, rules({ olderThan: days(30) }), START);
    expect(outcome(plan)).toEqual({
      latest: 'keep: kept: the registry reported no digest',
      'old-a':
        'protect: protected: kept tag latest has no digest, so any tag in this repository may share its image',
      'old-b':
        'protect: protected: kept tag latest has no digest, so any tag in this repository may share its image',
    });
  });

  it('plans an empty repository as nothing to do', () => {
    const plan = planPrune([], rules({ keepLast: 1 }), START);
    expect(plan.decisions).toEqual([]);
    expect(plan.counts).toEqual({ keep: 0, protect: 0, delete: 0 });
  });

  it('uses the run start, not the wall clock, for ages', () => {
    const plan = planPrune([tag('edge', 30)], rules({ olderThan: { ms: 30 * DAY - 1, text: '30d' } }), START);
    expect(plan.counts.delete).toBe(1);
  });
});

describe('planPrune: digests written differently', () => {
  const hex = 'ab'.repeat(32);
  it('keeps a tag whose digest a kept tag shares in another case or without the sha256: prefix', async () => {
    const { fromSwrTag } = await import('../../../src/providers/swr/prune-tags/tag-page.ts');
    const kept = fromSwrTag({
      Tag: 'latest',
      digest: `SHA256:${hex.toUpperCase()}`,
      updated: '2025-05-31T00:00:00Z',
    });
    const old = fromSwrTag({ Tag: 'old', digest: hex, updated: '2025-04-01T00:00:00Z' });
    const child = fromSwrTag({
      Tag: 'amd64',
      digest: `sha256:${'cd'.repeat(32)}`,
      updated: '2025-04-01T00:00:00Z',
    });
    const index = fromSwrTag({
      Tag: 'multi',
      digest: `sha256:${'ef'.repeat(32)}`,
      tag_type: 1,
      manifest: JSON.stringify({ manifests: [{ digest: 'CD'.repeat(32) }] }),
      updated: '2025-05-31T00:00:00Z',
    });
    const plan = planPrune([kept, old, child, index], rules({ keepLast: 2 }), START);
    expect(outcome(plan).old).toMatch(
      /^protect: protected: shares digest sha256:abababababab with kept tag latest/,
    );
    expect(outcome(plan).amd64).toBe('protect: protected: image of kept manifest list multi');
  });
});
