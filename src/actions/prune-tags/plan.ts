// The pure planner: a repository's tags + the rules + the run's start time → a decision per tag.
// A tag is deleted only if it is selected and no keep rule and no protection retains it.
import type { TagInfo } from '../../providers/seam/tag-info.ts';
import type { TagPattern, TagRules } from '../../providers/seam/tags.ts';
import type { NamedTagKeeper } from './github-keep.ts';
import { protectedDigests, protectionReason } from './protection.ts';
import { semverKeepers } from './semver.ts';
import { newestFirst } from './tag-order.ts';
import { firstMatch } from './tag-patterns.ts';

/** The rules of one run, as parsed from the inputs, and the tags GitHub points at once read. */
export interface PruneRules extends TagRules {
  /** Tags GitHub still points at (keep-github), with the reason; absent = off. */
  keepNamed?: NamedTagKeeper;
}

type Verdict = 'keep' | 'protect' | 'delete';

/** What happens to one tag, and the rule that decided it. */
export interface Decision {
  tag: TagInfo;
  verdict: Verdict;
  reason: string;
}

export interface PrunePlan {
  /** One decision per tag, newest first (ties by name). */
  decisions: Decision[];
  counts: Record<Verdict, number>;
}

/** Plans one repository. `startedAt` is the run's start: anything updated later is kept. */
export function planPrune(tags: readonly TagInfo[], rules: PruneRules, startedAt: Date): PrunePlan {
  const start = startedAt.getTime();
  const verdicts = verdictsFor(rules);
  const sorted = [...tags].sort(newestFirst);
  const decisions: Decision[] = sorted.map((tag) => {
    const { verdict, reason } = ruleVerdict(tag, rules, start, verdicts);
    return { tag, verdict, reason };
  });
  applyRanks(decisions, rules, start);
  applyProtection(decisions);
  const counts: Record<Verdict, number> = { keep: 0, protect: 0, delete: 0 };
  for (const decision of decisions) counts[decision.verdict]++;
  return { decisions, counts };
}

type Verdicted = Pick<Decision, 'verdict' | 'reason'>;

/** Every verdict a rule can give, built once per plan: 100,000 tags share a handful of reason strings. */
function verdictsFor(rules: PruneRules) {
  const keep = (reason: string): Verdicted => ({ verdict: 'keep', reason });
  return {
    notIncluded: keep('kept: not selected by include'),
    unknownTime: keep('kept: the registry reported no update time'),
    updatedAfterStart: keep('kept: updated after the run started'),
    noDigest: keep('kept: the registry reported no digest'),
    excluded: patternVerdicts(rules.exclude, (p) => keep(`kept: matches exclude ${p.text}`)),
    kept: patternVerdicts(rules.keep, (p) => keep(`kept: matches keep ${p.text}`)),
    newer: keep(`kept: newer than ${rules.olderThan?.text ?? ''}`),
    delete: { verdict: 'delete', reason: deleteReason(rules) } satisfies Verdicted,
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

/** Verdict from the rules that look at one tag alone; rank rules come after. */
function ruleVerdict(
  tag: TagInfo,
  rules: PruneRules,
  start: number,
  v: ReturnType<typeof verdictsFor>,
): Verdicted {
  if (tag.refused !== undefined) return { verdict: 'keep', reason: `kept: ${tag.refused}; never acted on` };
  if (rules.include.length > 0 && !firstMatch(rules.include, tag.name)) return v.notIncluded;
  const excluded = v.excluded(tag.name);
  if (excluded) return excluded;
  if (Number.isNaN(tag.updatedAt)) return v.unknownTime;
  if (tag.updatedAt > start) return v.updatedAfterStart;
  if (tag.digest === '') return v.noDigest;
  const kept = v.kept(tag.name);
  if (kept) return kept;
  const named = rules.keepNamed?.(tag.name);
  if (named) return { verdict: 'keep', reason: named };
  if (rules.olderThan && tag.updatedAt > start - rules.olderThan.ms) return v.newer;
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
 * keep-semver and keep-last rank the selected tags that existed when the run started (decisions are
 * already newest first). A rank keeps a tag whatever other rules said, like Harbor's union of rules.
 */
function applyRanks(decisions: Decision[], rules: PruneRules, start: number): void {
  const ranked = decisions.filter((d) => isRankable(d, rules, start));
  const semver = semverKeepers(
    ranked.map((d) => d.tag),
    rules.keepSemver,
  );
  const newest = `kept: among the newest ${rules.keepLast} (keep-last)`;
  ranked.forEach((decision, rank) => {
    if (decision.verdict !== 'delete') return;
    const semverReason = semver.get(decision.tag.name);
    if (semverReason) Object.assign(decision, { verdict: 'keep', reason: semverReason });
    else if (rank < rules.keepLast) Object.assign(decision, { verdict: 'keep', reason: newest });
  });
}

function isRankable({ tag }: Decision, rules: PruneRules, start: number): boolean {
  if (tag.refused !== undefined) return false;
  if (rules.include.length > 0 && !firstMatch(rules.include, tag.name)) return false;
  if (firstMatch(rules.exclude, tag.name)) return false;
  return !Number.isNaN(tag.updatedAt) && tag.updatedAt <= start;
}

/** Turns deletions that would take an image a kept tag needs into protected keeps. */
function applyProtection(decisions: Decision[]): void {
  const candidates = decisions.filter((d) => d.verdict === 'delete');
  if (candidates.length === 0) return;
  const unreadable = decisions.find((d) => d.tag.kind === 'list' && d.tag.children === undefined);
  if (unreadable) {
    const reason = `protected: manifest list ${unreadable.tag.name} could not be read, so no image in this repository can be proven unused`;
    for (const decision of candidates) Object.assign(decision, { verdict: 'protect', reason });
    return;
  }
  const retained = decisions.filter((d) => d.verdict !== 'delete').map((d) => d.tag);
  // Deleting a tag deletes its image (SWR spec 4.3.2): a kept tag whose image is unknown may be any of them.
  const unknownImage = retained.find((tag) => tag.digest === '');
  if (unknownImage) {
    const reason = `protected: kept tag ${unknownImage.name} has no digest, so any tag in this repository may share its image`;
    for (const decision of candidates) Object.assign(decision, { verdict: 'protect', reason });
    return;
  }
  const protectedBy = protectedDigests(
    decisions.map((d) => d.tag),
    retained,
  );
  const reasons = new Map<string, string>();
  for (const decision of candidates) {
    const protection = protectedBy.get(decision.tag.digest);
    if (!protection) continue;
    const { digest } = decision.tag;
    const reason = reasons.get(digest) ?? protectionReason(digest, protection);
    reasons.set(digest, reason);
    Object.assign(decision, { verdict: 'protect', reason });
  }
}
