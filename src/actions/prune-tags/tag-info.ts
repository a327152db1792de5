// The provider-neutral view of one tag that the planner works on.

/** One tag of one repository, as the planner sees it. */
export interface TagInfo {
  tag: string;
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

/** Digests listed in a manifest list / OCI index document; undefined when the text is not one. */
export function manifestListChildren(manifest: string | null | undefined): string[] | undefined {
  if (typeof manifest !== 'string' || manifest.trim() === '') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(manifest);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const manifests: unknown = (parsed as { manifests?: unknown }).manifests;
  if (!Array.isArray(manifests)) return undefined;
  const digests: string[] = [];
  for (const entry of manifests) {
    const digest: unknown =
      typeof entry === 'object' && entry !== null ? (entry as { digest?: unknown }).digest : undefined;
    if (typeof digest !== 'string' || digest === '') return undefined;
    digests.push(digest);
  }
  return digests;
}

/** Newest first; equal times by tag name, so every ordering of a listing sorts the same. */
export function newestFirst(a: TagInfo, b: TagInfo): number {
  const ta = timeKey(a);
  const tb = timeKey(b);
  if (ta !== tb) return ta > tb ? -1 : 1;
  return a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0;
}

function timeKey(tag: TagInfo): number {
  return Number.isNaN(tag.updatedAt) ? Number.POSITIVE_INFINITY : tag.updatedAt;
}
