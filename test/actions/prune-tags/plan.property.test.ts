// Properties of the planner over random repositories and rules (fast-check).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type PruneRules, planPrune } from '../../../src/actions/prune-tags/plan.ts';
import type { TagInfo } from '../../../src/providers/seam/tag-info.ts';
import { DAY, days, rules, START } from './tag-fixtures.ts';

const digestPool = ['sha256:d0', 'sha256:d1', 'sha256:d2', 'sha256:d3', 'sha256:d4', 'sha256:d5'];
const namePool = [
  'latest',
  'v1.0.0',
  'v1.2.0',
  'v2.0.0',
  'pr-1',
  'pr-2',
  'pr-3',
  'main-1',
  'main-2',
  'nightly',
  'rc',
];

const tagArb: fc.Arbitrary<Omit<TagInfo, 'name'>> = fc.record({
  digest: fc.oneof(
    { weight: 12, arbitrary: fc.constantFrom(...digestPool) },
    { weight: 1, arbitrary: fc.constant('') },
  ),
  // Mostly in the past; sometimes after the start, sometimes unknown, often equal times.
  updatedAt: fc.oneof(
    { weight: 10, arbitrary: fc.integer({ min: -60, max: 0 }).map((d) => START.getTime() + d * DAY) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 5 }).map((s) => START.getTime() + s * 1000) },
    { weight: 1, arbitrary: fc.constant(Number.NaN) },
  ),
  size: fc.nat({ max: 1000 }),
  kind: fc.constantFrom('image' as const, 'image' as const, 'list' as const),
  children: fc.subarray(digestPool, { maxLength: 3 }),
});

const repositoryArb: fc.Arbitrary<TagInfo[]> = fc
  .uniqueArray(fc.constantFrom(...namePool), { maxLength: namePool.length })
  .chain((names) =>
    fc.tuple(fc.constant(names), fc.array(tagArb, { minLength: names.length, maxLength: names.length })),
  )
  .map(([names, bodies]) =>
    names.map((name, i) => {
      const body = bodies[i]!;
      return body.kind === 'list' ? { ...body, name } : { ...body, name, children: undefined };
    }),
  );

const rulesArb: fc.Arbitrary<PruneRules> = fc
  .record({
    include: fc.subarray(['^pr-', '^main-', '^v'], { maxLength: 2 }),
    exclude: fc.subarray(['-2$', 'rc'], { maxLength: 1 }),
    keep: fc.subarray(['^latest$', '^v\\d+\\.\\d+\\.\\d+$'], { maxLength: 2 }),
    keepLast: fc.nat({ max: 4 }),
    olderThan: fc.option(fc.integer({ min: 1, max: 45 }).map(days), { nil: undefined }),
    keepSemver: fc.nat({ max: 2 }),
  })
  .map((r) => rules(r));

const deleted = (tags: readonly TagInfo[], r: PruneRules) =>
  planPrune(tags, r, START)
    .decisions.filter((d) => d.verdict === 'delete')
    .map((d) => d.tag);

describe('planPrune properties', () => {
  it('never deletes a tag a keep rule or the selection retains', () => {
    fc.assert(
      fc.property(repositoryArb, rulesArb, (tags, r) => {
        const gone = deleted(tags, r);
        const start = START.getTime();
        for (const t of gone) {
          expect(r.keep.some((p) => p.regex.test(t.name))).toBe(false);
          expect(r.exclude.some((p) => p.regex.test(t.name))).toBe(false);
          if (r.include.length > 0) expect(r.include.some((p) => p.regex.test(t.name))).toBe(true);
          expect(t.updatedAt <= start).toBe(true);
          if (r.olderThan) expect(t.updatedAt <= start - r.olderThan.ms).toBe(true);
          expect(t.digest).not.toBe('');
        }
      }),
    );
  });

  it('never deletes one of the newest keep-last selected tags', () => {
    fc.assert(
      fc.property(repositoryArb, rulesArb, (tags, r) => {
        const plan = planPrune(tags, r, START);
        const selected = plan.decisions.filter(
          (d) =>
            (r.include.length === 0 || r.include.some((p) => p.regex.test(d.tag.name))) &&
            !r.exclude.some((p) => p.regex.test(d.tag.name)) &&
            d.tag.updatedAt <= START.getTime(),
        );
        for (const d of selected.slice(0, r.keepLast)) expect(d.verdict).not.toBe('delete');
      }),
    );
  });

  it('never deletes a digest that a kept tag shares or links to through a manifest list', () => {
    fc.assert(
      fc.property(repositoryArb, rulesArb, (tags, r) => {
        const plan = planPrune(tags, r, START);
        const goneDigests = new Set(
          plan.decisions.filter((d) => d.verdict === 'delete').map((d) => d.tag.digest),
        );
        const stays = plan.decisions.filter((d) => d.verdict !== 'delete').map((d) => d.tag);
        for (const t of stays) {
          expect(goneDigests.has(t.digest)).toBe(false);
          for (const child of t.kind === 'list' ? (t.children ?? []) : [])
            expect(goneDigests.has(child)).toBe(false);
        }
        for (const t of plan.decisions.filter((d) => d.verdict === 'delete').map((d) => d.tag)) {
          for (const child of t.kind === 'list' ? (t.children ?? []) : []) {
            expect(stays.some((s) => s.digest === child)).toBe(false);
          }
        }
      }),
    );
  });

  it('decides the same whatever order the registry listed the tags in', () => {
    fc.assert(
      fc.property(
        repositoryArb.chain((tags) =>
          fc.tuple(fc.constant(tags), fc.shuffledSubarray(tags, { minLength: tags.length })),
        ),
        rulesArb,
        ([tags, shuffled], r) => {
          const [planned, plannedShuffled] = [planPrune(tags, r, START), planPrune(shuffled, r, START)];
          expect(plannedShuffled.decisions).toEqual(planned.decisions);
          expect(plannedShuffled.counts).toEqual(planned.counts);
        },
      ),
    );
  });

  it('deletes nothing more when run again on what is left', () => {
    fc.assert(
      fc.property(repositoryArb, rulesArb, (tags, r) => {
        const gone = new Set(deleted(tags, r).map((t) => t.name));
        const left = tags.filter((t) => !gone.has(t.name));
        expect(deleted(left, r)).toEqual([]);
      }),
    );
  });

  it('accounts for every tag exactly once', () => {
    fc.assert(
      fc.property(repositoryArb, rulesArb, (tags, r) => {
        const plan = planPrune(tags, r, START);
        expect(plan.decisions.map((d) => d.tag.name).sort()).toEqual(tags.map((t) => t.name).sort());
        expect(plan.counts.keep + plan.counts.protect + plan.counts.delete).toBe(tags.length);
        for (const d of plan.decisions) expect(d.reason.length).toBeGreaterThan(0);
      }),
    );
  });
});
