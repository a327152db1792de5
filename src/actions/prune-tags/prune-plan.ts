// One repository's plan, compact: the table of its tags, their order (newest first), and per position a
// verdict and the id of a shared reason text. A plan of a million tags holds no object per tag; decisions
// are built as TagInfo objects only for the few places that want them (a summary row, a deletion).
import type { TagInfo } from '../../providers/seam/tag-info.ts';
import type { TagTable } from '../../providers/seam/tag-table.ts';

export type Verdict = 'keep' | 'protect' | 'delete';

/** Verdicts by code, as a plan stores them. */
export const VERDICTS: readonly Verdict[] = ['keep', 'protect', 'delete'];
export const KEEP = 0;
export const PROTECT = 1;
export const DELETE = 2;

/** What happens to one tag, and the rule that decided it. */
export interface Decision {
  tag: TagInfo;
  verdict: Verdict;
  reason: string;
}

/** Reason texts, each stored once and named by its index. */
export class ReasonTexts {
  readonly texts: string[] = [];
  readonly #ids = new Map<string, number>();

  id(text: string): number {
    let id = this.#ids.get(text);
    if (id === undefined) {
      id = this.texts.push(text) - 1;
      this.#ids.set(text, id);
    }
    return id;
  }
}

export class PrunePlan {
  readonly counts: Record<Verdict, number> = { keep: 0, protect: 0, delete: 0 };
  /** The repository's tags, in listing order. */
  readonly tags: TagTable;
  /** Rows of `tags`, newest first (ties by name). */
  readonly order: Uint32Array;
  /** Verdict code at each position of `order`. */
  readonly verdicts: Uint8Array;
  /** Reason id (in `reasons`) at each position of `order`. */
  readonly reasonIds: Uint32Array;
  readonly reasons: readonly string[];

  constructor(
    tags: TagTable,
    order: Uint32Array,
    verdicts: Uint8Array,
    reasonIds: Uint32Array,
    reasons: readonly string[],
  ) {
    this.tags = tags;
    this.order = order;
    this.verdicts = verdicts;
    this.reasonIds = reasonIds;
    this.reasons = reasons;
    for (const code of verdicts) this.counts[VERDICTS[code] ?? 'keep']++;
  }

  /** Number of decisions (one per tag). */
  get size(): number {
    return this.order.length;
  }

  /** The row of `tags` at position `at` (newest first). */
  row(at: number): number {
    return this.order[at] ?? 0;
  }

  verdict(at: number): Verdict {
    return VERDICTS[this.verdicts[at] ?? KEEP] ?? 'keep';
  }

  reason(at: number): string {
    return this.reasons[this.reasonIds[at] ?? 0] ?? '';
  }

  name(at: number): string {
    return this.tags.name(this.row(at));
  }

  /** The decision at position `at`, built now. */
  decision(at: number): Decision {
    return { tag: this.tags.tag(this.row(at)), verdict: this.verdict(at), reason: this.reason(at) };
  }

  /** Every decision, newest first, built now: for small plans and the tags a run acts on. */
  get decisions(): Decision[] {
    return Array.from({ length: this.size }, (_, at) => this.decision(at));
  }
}
