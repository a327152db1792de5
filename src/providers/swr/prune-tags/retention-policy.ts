// `mode: retention-policy`: the SWR server-side policy equivalent to the rules, where SWR can say it.
// A rule SWR cannot express in a way that deletes no more than asked is refused at input time;
// differences that only make SWR keep more are reported as notes.
import { wholeDaysAtLeast } from '../../../core/action/duration.ts';
import { InputError } from '../../../core/errors/errors.ts';
import { code, Markdown, md } from '../../../core/output/markdown.ts';
import type { TagRules } from '../../seam/tags.ts';
import type {
  SwrRetentionPolicy,
  SwrRetentionRule,
  SwrRetentionSettings,
  SwrTagSelector,
} from '../retentions.ts';

/** The policy to store and what the user should know about how it differs from mode: delete. */
export interface RetentionTarget {
  settings: SwrRetentionSettings;
  /** The rule in words, for the summary: "keep the newest 5 tags, except tags matching `^latest$`". */
  description: Markdown;
  notes: string[];
}

/** Translates the rules; throws InputError naming the rule SWR cannot express safely. */
export function retentionPolicyFor(rules: TagRules): RetentionTarget {
  refuseInexpressible(rules);
  // A glob becomes its anchored regular expression; SWR selectors only speak regexp.
  const selectors: SwrTagSelector[] = [...rules.exclude, ...rules.keep].map((p) => ({
    kind: 'regexp',
    pattern: p.syntax === 'glob' ? p.regex.source : p.source,
  }));
  const notes = [
    'SWR applies the policy on its own schedule; the digest-sharing and manifest-list protection of mode: delete does not apply to what SWR deletes.',
    'Patterns are evaluated by SWR, whose regular-expression dialect may differ from JavaScript in rare constructs.',
  ];
  if (rules.keep.length > 0) {
    notes.push('keep patterns become tag selectors: SWR does not count those tags towards the kept number.');
  }
  if (rules.olderThan) {
    const days = wholeDaysAtLeast(rules.olderThan);
    if (days * 86_400_000 !== rules.olderThan.ms) {
      notes.push(`older-than ${rules.olderThan.text} is rounded up to ${days} days (SWR counts whole days).`);
    }
  }
  const rule: SwrRetentionRule = rules.olderThan
    ? {
        template: 'date_rule',
        params: { days: String(wholeDaysAtLeast(rules.olderThan)) },
        tag_selectors: selectors,
      }
    : { template: 'tag_rule', params: { num: String(rules.keepLast) }, tag_selectors: selectors };
  return { settings: { algorithm: 'or', rules: [rule] }, description: describeRule(rule), notes };
}

/** The rule in words, for the summary. */
function describeRule(rule: SwrRetentionRule): Markdown {
  const what =
    rule.template === 'date_rule'
      ? `delete tags older than ${rule.params.days} days`
      : `keep the newest ${rule.params.num} tags`;
  const except = Markdown.join(
    rule.tag_selectors.map((s) => code(s.pattern)),
    ', ',
  );
  return rule.tag_selectors.length > 0 ? md`${what}, except tags matching ${except}` : md`${what}`;
}

function refuseInexpressible(rules: TagRules): void {
  const refuse = (inputs: string[], why: string): never => {
    throw new InputError(
      ['mode', ...inputs],
      `Input 'mode' is retention-policy, which cannot express ${why} Use mode: delete for these rules.`,
    );
  };
  if (rules.include.length > 0) {
    refuse(['include'], "'include': an SWR policy applies to every tag (exclude and keep can be expressed).");
  }
  if (rules.keepSemver > 0) refuse(['keep-semver'], "'keep-semver': SWR has no per-version rule.");
  if (rules.keepLast > 0 && rules.olderThan) {
    refuse(
      ['keep-last', 'older-than'],
      "'keep-last' together with 'older-than': an SWR policy holds one rule, and either alone would delete more " +
        '(leave keep-last at 0 for an age rule alone, or older-than empty for a count rule alone).',
    );
  }
  if (rules.keepLast === 0 && !rules.olderThan) {
    refuse(['keep-last', 'older-than'], "a policy without 'keep-last' or 'older-than'.");
  }
}

/** What to do with a repository's stored policies. */
export type RetentionChange =
  | { action: 'create' }
  | { action: 'update'; id: number }
  | { action: 'unchanged'; id: number }
  | { action: 'conflict'; ids: number[] };

/** Create when none exists, nothing when the one stored is equal, update otherwise; several = conflict. */
export function planRetention(
  current: readonly SwrRetentionPolicy[],
  wanted: SwrRetentionSettings,
): RetentionChange {
  if (current.length === 0) return { action: 'create' };
  if (current.length > 1) return { action: 'conflict', ids: current.map((p) => p.id) };
  const [policy] = current as [SwrRetentionPolicy];
  return sameRetention(policy, wanted)
    ? { action: 'unchanged', id: policy.id }
    : { action: 'update', id: policy.id };
}

/** Equal up to the order of rules and selectors, and numbers sent as strings or numbers. */
export function sameRetention(a: SwrRetentionSettings, b: SwrRetentionSettings): boolean {
  return canonical(a) === canonical(b);
}

function canonical(settings: SwrRetentionSettings): string {
  const rules = (settings.rules ?? []).map((rule) => ({
    template: rule.template,
    days: rule.params?.days === undefined ? undefined : Number(rule.params.days),
    num: rule.params?.num === undefined ? undefined : Number(rule.params.num),
    selectors: (rule.tag_selectors ?? []).map((s) => `${s.kind}\u0000${s.pattern}`).sort(),
  }));
  const ruleTexts = rules.map((rule) => JSON.stringify(rule)).sort();
  return JSON.stringify({ algorithm: settings.algorithm, rules: ruleTexts });
}
