// Which tags name something GitHub still points at (pure): the rule behind keep-github.
import type { GithubRef } from '../../core/github/github-refs.ts';

/** The reason to keep a tag, or undefined. */
export type NamedTagKeeper = (tag: string) => string | undefined;

/** A tag naming a commit: the full SHA or a prefix of at least 7 hex digits, optionally after `sha-`. */
const SHA_TAG = /^(?:sha-)?([0-9a-f]{7,40})$/;

/**
 * Tags kept for these refs: a name as a tag (characters a tag cannot hold become `-`, as
 * docker/metadata-action writes `feature/x` as `feature-x`; a release `v1.2.0` also keeps `1.2.0`), and a
 * commit as its SHA, a prefix of 7 or more hex digits of it, or either after `sha-`.
 */
export function namedTagKeeper(refs: readonly GithubRef[]): NamedTagKeeper {
  const names = new Map<string, string>();
  const shas = new Map<string, { sha: string; why: string }[]>();
  for (const ref of refs) {
    if ('name' in ref) {
      for (const form of tagForms(ref.name)) if (!names.has(form)) names.set(form, ref.why);
    } else {
      const sha = ref.sha.toLowerCase();
      const byPrefix = shas.get(sha.slice(0, 7)) ?? [];
      byPrefix.push({ sha, why: ref.why });
      shas.set(sha.slice(0, 7), byPrefix);
    }
  }
  return (tag) => {
    const named = names.get(tag);
    if (named) return `kept: ${named}`;
    const hex = SHA_TAG.exec(tag)?.[1];
    if (!hex) return undefined;
    const commit = shas.get(hex.slice(0, 7))?.find((candidate) => candidate.sha.startsWith(hex));
    return commit ? `kept: commit ${commit.sha.slice(0, 7)}, ${commit.why}` : undefined;
  };
}

function tagForms(name: string): string[] {
  const form = name.replace(/[^A-Za-z0-9_.-]/g, '-');
  return /^v\d/.test(form) ? [form, form.slice(1)] : [form];
}
