// The rules in effect as short phrases for the summary: defaults included, so none surprises.
import { code, Markdown, md } from '../../core/output/markdown.ts';
import type { TagPattern } from '../../providers/seam/tags.ts';
import type { KeepGithubInputs } from './keep-github-inputs.ts';
import type { PruneRules } from './plan.ts';

/** `include pr-*`, `keep-last 0 (no count rule)`, `older-than 30d`, … in the order the planner applies them. */
export function describeRules(rules: PruneRules, keepGithub: KeepGithubInputs | undefined): Markdown[] {
  const list = (patterns: readonly TagPattern[]) =>
    Markdown.join(
      patterns.map((p) => code(p.text)),
      ', ',
    );
  const phrases = [rules.include.length > 0 ? md`include ${list(rules.include)}` : md`include every tag`];
  if (rules.exclude.length > 0) phrases.push(md`exclude ${list(rules.exclude)}`);
  if (rules.keep.length > 0) phrases.push(md`keep ${list(rules.keep)}`);
  if (keepGithub) phrases.push(md`keep-github ${keepGithub.sources.join(', ')}`);
  phrases.push(rules.keepLast > 0 ? md`keep-last ${rules.keepLast}` : md`keep-last 0 (no count rule)`);
  phrases.push(rules.olderThan ? md`older-than ${rules.olderThan.text}` : md`older-than none (no age rule)`);
  if (rules.keepSemver > 0) phrases.push(md`keep-semver ${rules.keepSemver}`);
  const syntax = [...rules.include, ...rules.exclude, ...rules.keep][0]?.syntax;
  if (syntax) phrases.push(syntax === 'glob' ? md`patterns are globs` : md`patterns are regular expressions`);
  return phrases;
}
