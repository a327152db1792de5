// The provider-neutral view of one tag that prune-tags plans with, and helpers for reading registry records
// into it.
import { type SegmentRule, segmentProblems } from '../../core/path/api-path.ts';

/** One tag of one repository, as the planner sees it. */
export interface TagInfo {
  /** The tag itself, e.g. v1.2.3. */
  name: string;
  /** Manifest digest; '' when the registry reported none. */
  digest: string;
  /** Last update (push) time in epoch milliseconds; NaN when the registry gave none. */
  updatedAt: number;
  /** Image size in bytes (0 when unknown). */
  size: number;
  /** 'list' for a manifest list / image index, whose images are `children`. */
  kind: 'image' | 'list';
  /** Digests a manifest list references; undefined for a list whose manifest could not be read. */
  children?: readonly string[];
  /** Why the name cannot go into a request (it breaks the tag rules): such a tag is kept, never acted on. */
  refused?: string;
}

/** Epoch milliseconds of an ISO time, NaN when absent or unparsable. A time without a zone is UTC. */
export function parseTime(value: string | null | undefined): number {
  if (typeof value !== 'string' || value.trim() === '') return Number.NaN;
  const text = value.trim();
  // The registries report UTC; JavaScript would read a zone-less date-time as the runner's local time.
  const zoneless = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/.test(text);
  return Date.parse(zoneless ? `${text.replace(' ', 'T')}Z` : text);
}

/** What `refusal` gives a valid name: one shared object, as it is asked once per listed tag. */
const NOT_REFUSED: Pick<TagInfo, 'refused'> = Object.freeze({});

/** A listed tag name that breaks the tag rules is kept and never goes into a request. */
export function refusal(tag: unknown, rule: SegmentRule): Pick<TagInfo, 'refused'> {
  const problems = typeof tag === 'string' ? segmentProblems(tag, rule) : ['is not text'];
  return problems.length === 0 ? NOT_REFUSED : { refused: `not a valid tag name: it ${problems.join('; ')}` };
}
