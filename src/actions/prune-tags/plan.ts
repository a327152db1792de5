// The pure planner: a repository's tags + the rules + the run's start time → a decision per tag.
// A tag is deleted only if it is selected and no keep rule and no protection retains it.
import type { TagInfo } from '../../providers/seam/tag-info.ts';
import { TagTable } from '../../providers/seam/tag-table.ts';
import type { TagPattern, TagRules } from '../../providers/seam/tags.ts';
import type { NamedTagKeeper } from './github-keep.ts';
import { protectedDigests, protectionReason } from './protection.ts';
import { DELETE, KEEP, PROTECT, PrunePlan, ReasonTexts } from './prune-plan.ts';
import { semverKeepers } from './semver.ts';
import { newestFirstOrder } from './tag-order.ts';
import { firstMatch } from './tag-patterns.ts';

export { type Decision, PrunePlan, type Verdict } from './prune-plan.ts';

/** The rules of one run, as parsed from the inputs, and the tags GitHub points at once read. */
export interface PruneRules extends TagRules {
  /** Tags GitHub still points at (keep-github), with the reason; absent = off. */
  keepNamed?: NamedTagKeeper;
}

/** A verdict code and the id of its reason text. */
interface Verdicted {
  verdict: number;
  reason: number;
}

/** A plan being made: verdict and reason id per position of `order`. */
interface Draft {
  tags: TagTable;
  order: Uint32Array;
  verdicts: Uint8Array;
  reasonIds: Uint32Array;
  reasons: ReasonTexts;
}

/** Plans one repository. `startedAt` is the run's start: anything updated later is kept. */
export function planPrune(
  tags: TagTable | readonly TagInfo[],
  rules: PruneRules,
  startedAt: Date,
): PrunePlan {
  const table = tags instanceof TagTable ? tags : TagTable.of(tags);
  const start = startedAt.getTime();
  const reasons = new ReasonTexts();
  const order = newestFirstOrder(table);
  const draft: Draft = {
    tags: table,
    order,
    verdicts: new Uint8Array(order.length),
    reasonIds: new Uint32Array(order.length),
    reasons,
  };
  const verdicts = verdictsFor(rules, reasons);
  for (let at = 0; at < order.length; at++) {
    const { verdict, reason } = ruleVerdict(table, order[at] ?? 0, rules, start, verdicts, reasons);
    draft.verdicts[at] = verdict;
    draft.reasonIds[at] = reason;
  }
  applyRanks(draft, rules, start);
  applyProtection(draft);
  return new PrunePlan(table, order, draft.verdicts, draft.reasonIds, reasons.texts);
}

/** Every verdict a rule can give, built once per plan: 100,000 tags share a handful of reason texts. */
function verdictsFor(rules: PruneRules, reasons: ReasonTexts) {
  const keep = (reason: string): Verdicted => ({ verdict: KEEP, reason: reasons.id(reason) });
  return {
    notIncluded: keep('kept: not selected by include'),
    unknownTime: keep('kept: the registry reported no update time'),
    updatedAfterStart: keep('kept: updated after the run started'),
    noDigest: keep('kept: the registry reported no digest'),
    excluded: patternVerdicts(rules.exclude, (p) => keep(`kept: matches exclude ${p.text}`)),
    kept: patternVerdicts(rules.keep, (p) => keep(`kept: matches keep ${p.text}`)),
    newer: keep(`kept: newer than ${rules.olderThan?.text ?? ''}`),
    delete: { verdict: DELETE, reason: reasons.id(deleteReason(rules)) } satisfies Verdicted,
  };
}

/** The verdict of the first pattern a tag name matches, each built once. */
function patternVerdicts(
  patterns: readonly TagPattern[],
  verdict: (pattern: TagPattern) => Verdicted,
): (name: string) => Verdicted | undefined {
  const verdicts = patterns.map((pattern) => ({ pattern, verdict: verdict(pattern) }));
  return (name) => verdicts.find(({ pattern }) => pattern.regex.test(name))?.verdict;
}

/** Whether any rule looks at tag names (so each name is read from the table only then). */
function readsNames(rules: PruneRules): boolean {
  return rules.include.length + rules.exclude.length + rules.keep.length > 0 || rules.keepNamed !== undefined;
}

/** Verdict from the rules that look at one tag alone; rank rules come after. */
function ruleVerdict(
  tags: TagTable,
  row: number,
  rules: PruneRules,
  start: number,
  v: ReturnType<typeof verdictsFor>,
  reasons: ReasonTexts,
): Verdicted {
  const refused = tags.refused(row);
  if (refused !== undefined) return { verdict: KEEP, reason: reasons.id(`kept: ${refused}; never acted on`) };
  const name = readsNames(rules) ? tags.name(row) : '';
  if (rules.include.length > 0 && !firstMatch(rules.include, name)) return v.notIncluded;
  const excluded = v.excluded(name);
  if (excluded) return excluded;
  const updatedAt = tags.updatedAt(row);
  if (Number.isNaN(updatedAt)) return v.unknownTime;
  if (updatedAt > start) return v.updatedAfterStart;
  if (!tags.hasDigest(row)) return v.noDigest;
  const kept = v.kept(name);
  if (kept) return kept;
  const named = rules.keepNamed?.(name);
  if (named) return { verdict: KEEP, reason: reasons.id(named) };
  if (rules.olderThan && updatedAt > start - rules.olderThan.ms) return v.newer;
  return v.delete;
}

/** Why a tag goes, without a verb: the log and summary say "delete" or "would delete" beside it. */
function deleteReason(rules: PruneRules): string {
  const parts: string[] = [];
  if (rules.olderThan) parts.push(`older than ${rules.olderThan.text}`);
  if (rules.keepLast > 0) parts.push(`not among the newest ${rules.keepLast}`);
  if (parts.length === 0) parts.push('selected by include');
  return parts.join(', ');
}

/**
 * keep-semver and keep-last rank the selected tags that existed when the run started (positions are
 * already newest first). A rank keeps a tag whatever other rules said, like Harbor's union of rules.
 */
function applyRanks(draft: Draft, rules: PruneRules, start: number): void {
  if (rules.keepLast <= 0 && rules.keepSemver <= 0) return;
  const ranked = positionsWhere(draft.order.length, (at) =>
    isRankable(draft.tags, draft.order[at] ?? 0, rules, start),
  );
  const semver = semverKeepers(
    rules.keepSemver > 0 ? Array.from(ranked, (at) => draft.tags.name(draft.order[at] ?? 0)) : [],
    rules.keepSemver,
  );
  const newest = draft.reasons.id(`kept: among the newest ${rules.keepLast} (keep-last)`);
  for (let rank = 0; rank < ranked.length; rank++) {
    const at = ranked[rank] ?? 0;
    if (draft.verdicts[at] !== DELETE) continue;
    const semverReason = semver.size > 0 ? semver.get(draft.tags.name(draft.order[at] ?? 0)) : undefined;
    if (semverReason) decide(draft, at, KEEP, draft.reasons.id(semverReason));
    else if (rank < rules.keepLast) decide(draft, at, KEEP, newest);
  }
}

/** The positions below `count` that `test` accepts, in order, in a typed array (a million tags build no heap array). */
function positionsWhere(count: number, test: (at: number) => boolean): Uint32Array {
  const positions = new Uint32Array(count);
  let found = 0;
  for (let at = 0; at < count; at++) if (test(at)) positions[found++] = at;
  return positions.subarray(0, found);
}

function decide(draft: Draft, at: number, verdict: number, reason: number): void {
  draft.verdicts[at] = verdict;
  draft.reasonIds[at] = reason;
}

function isRankable(tags: TagTable, row: number, rules: PruneRules, start: number): boolean {
  if (tags.refused(row) !== undefined) return false;
  if (rules.include.length > 0 || rules.exclude.length > 0) {
    const name = tags.name(row);
    if (rules.include.length > 0 && !firstMatch(rules.include, name)) return false;
    if (firstMatch(rules.exclude, name)) return false;
  }
  const updatedAt = tags.updatedAt(row);
  return !Number.isNaN(updatedAt) && updatedAt <= start;
}

/** Turns deletions that would take an image a kept tag needs into protected keeps. */
function applyProtection(draft: Draft): void {
  const { tags, order, verdicts } = draft;
  const candidates = positionsWhere(order.length, (at) => verdicts[at] === DELETE);
  if (candidates.length === 0) return;
  const retained = positionsWhere(order.length, (at) => verdicts[at] !== DELETE);
  const protectAll = (reason: string) => {
    const id = draft.reasons.id(reason);
    for (const at of candidates) decide(draft, at, PROTECT, id);
  };
  const unreadable = firstAt(order, (row) => tags.kind(row) === 'list' && tags.children(row) === undefined);
  if (unreadable !== undefined) {
    protectAll(
      `protected: manifest list ${tags.name(unreadable)} could not be read, so no image in this repository can be proven unused`,
    );
    return;
  }
  // Deleting a tag deletes its image (SWR spec 4.3.2): a kept tag whose image is unknown may be any of them.
  const unknownImage = retained.find((at) => !tags.hasDigest(order[at] ?? 0));
  if (unknownImage !== undefined) {
    protectAll(
      `protected: kept tag ${tags.name(order[unknownImage] ?? 0)} has no digest, so any tag in this repository may share its image`,
    );
    return;
  }
  const protectedBy = protectedDigests(
    tags,
    order,
    retained.map((at) => order[at] ?? 0),
  );
  if (protectedBy.size === 0) return;
  const reasons = new Map<string, number>();
  for (const at of candidates) {
    const digest = tags.digest(order[at] ?? 0);
    const protection = protectedBy.get(digest);
    if (!protection) continue;
    const reason = reasons.get(digest) ?? draft.reasons.id(protectionReason(digest, protection));
    reasons.set(digest, reason);
    decide(draft, at, PROTECT, reason);
  }
}

/** The first row, in plan order, that `test` accepts. */
function firstAt(order: Uint32Array, test: (row: number) => boolean): number | undefined {
  for (const row of order) if (test(row)) return row;
  return undefined;
}
