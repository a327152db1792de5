import { describe, expect, it } from 'vitest';
import { deleteChecked } from '../../../src/actions/prune-tags/checked-deletions.ts';
import type { Deletion } from '../../../src/actions/prune-tags/execute.ts';
import { planPrune } from '../../../src/actions/prune-tags/plan.ts';
import { recheckDeletions } from '../../../src/actions/prune-tags/recheck.ts';
import { ApiError } from '../../../src/core/errors/errors.ts';
import type { TagInfo } from '../../../src/providers/seam/tag-info.ts';
import { TagTable } from '../../../src/providers/seam/tag-table.ts';
import type { TagRegistry } from '../../../src/providers/seam/tags.ts';
import { DAY, days, list, rules, START, tag } from './tag-fixtures.ts';

const byAge = rules({ keep: ['^latest$'], olderThan: days(30) });
const planned = (tags: TagInfo[]): Deletion[] =>
  planPrune(tags, byAge, START)
    .decisions.filter((d) => d.verdict === 'delete')
    .map((d) => ({ repository: 'app', tag: d.tag }));

const before = [tag('latest', 1, 'sha256:new'), tag('ci-1', 40), tag('ci-2', 41), tag('ci-3', 42)];

describe('recheckDeletions', () => {
  it('lets a deletion go when the fresh read plans it the same', () => {
    expect(recheckDeletions(planned(before), planPrune(before, byAge, START))).toEqual([
      { go: true },
      { go: true },
      { go: true },
    ]);
  });

  it('skips a tag re-pushed to another image, one whose image a kept tag now has, and one gone', () => {
    const after = [
      tag('latest', 1, 'sha256:ci-3'), // the kept tag now points at ci-3's image
      tag('ci-1', 40, 'sha256:repushed'), // same age on the listing, another image
      tag('ci-3', 42),
    ];
    const verdicts = recheckDeletions(planned(before), planPrune(after, byAge, START));
    expect(verdicts).toEqual([
      { go: false, gone: false, change: 're-pushed since the plan (digest sha256:ci-1 → sha256:repushed)' },
      { go: false, gone: true },
      {
        go: false,
        gone: false,
        change: 'changed since the plan, now protected: shares digest sha256:ci-3 with kept tag latest',
      },
    ]);
  });

  it('skips a tag whose update time moved even on the same digest', () => {
    const after = [tag('latest', 1, 'sha256:new'), { ...tag('ci-1', 40), updatedAt: START.getTime() - DAY }];
    const [first] = recheckDeletions(planned(before).slice(0, 1), planPrune(after, byAge, START));
    expect(first).toEqual({
      go: false,
      gone: false,
      change: 're-pushed since the plan (updated 2025-05-31T00:00:00Z)',
    });
  });

  it('skips an image a kept manifest list now references', () => {
    const after = [list('latest', 1, ['sha256:ci-2']), tag('ci-1', 40), tag('ci-2', 41), tag('ci-3', 42)];
    const verdicts = recheckDeletions(planned(before), planPrune(after, byAge, START));
    expect(verdicts.map((v) => v.go)).toEqual([true, false, true]);
    expect(verdicts[1]).toMatchObject({
      change: 'changed since the plan, now protected: image of kept manifest list latest',
    });
  });
});

describe('deleteChecked', () => {
  /** A registry whose listing is `listing()` at the time of the call, recording deletes. */
  function registry(listing: () => TagInfo[] | Error) {
    const deleted: string[] = [];
    const reads: string[] = [];
    const fake: TagRegistry = {
      repositoryProblems: () => [],
      listTags: async (repository) => {
        reads.push(repository);
        const tags = listing();
        if (tags instanceof Error) throw tags;
        return TagTable.of(tags);
      },
      deleteTag: async (repository, name) => {
        deleted.push(`${repository}:${name}`);
        return 'deleted';
      },
      namespaceExists: async () => true,
      namespaceLabel: 'test namespace',
    };
    return { fake, deleted, reads };
  }
  const options = (fake: TagRegistry, recheck: boolean) => ({
    registry: fake,
    recheck,
    replan: async (_repository: string, tags: TagTable) => planPrune(tags, byAge, START),
    concurrency: 2,
  });

  it('reads the repository again and deletes only what the fresh read confirms', async () => {
    const after = [tag('latest', 1, 'sha256:ci-3'), tag('ci-1', 40), tag('ci-2', 41), tag('ci-3', 42)];
    const { fake, deleted, reads } = registry(() => after);
    const results = await deleteChecked(planned(before), options(fake, true));
    expect(reads).toEqual(['app']);
    expect(deleted.sort()).toEqual(['app:ci-1', 'app:ci-2']);
    expect(results.map((r) => r.outcome)).toEqual(['deleted', 'deleted', 'changed']);
  });

  it('deletes by the plan alone without the re-check', async () => {
    const { fake, deleted, reads } = registry(() => [tag('latest', 1, 'sha256:ci-3')]);
    await deleteChecked(planned(before), options(fake, false));
    expect(reads).toEqual([]);
    expect(deleted.sort()).toEqual(['app:ci-1', 'app:ci-2', 'app:ci-3']);
  });

  it('stops at a refusal of the credentials while reading again: one refusal, the rest not attempted', async () => {
    const refused = new ApiError({
      provider: 'SWR',
      operation: 'list tags of team/app',
      method: 'GET',
      path: '/v2/manage/namespaces/team/repos/app/tags',
      status: 401,
      providerMessage: 'Authentication failed',
    });
    const { fake, deleted } = registry(() => refused);
    const results = await deleteChecked(planned(before), options(fake, true));
    expect(deleted).toEqual([]);
    expect(results.map((r) => r.outcome)).toEqual(['failed', 'not-attempted', 'not-attempted']);
    expect(results[0]).toMatchObject({ status: 401 });
  });

  it('deletes nothing in a repository it cannot read again, and says so', async () => {
    const { fake, deleted } = registry(() => new Error('listing incomplete'));
    const results = await deleteChecked(planned(before), options(fake, true));
    expect(deleted).toEqual([]);
    expect(results[0]).toMatchObject({
      outcome: 'failed',
      error: 'not deleted: reading app again before deleting failed: listing incomplete',
    });
  });
});
