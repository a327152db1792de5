// Rewrites of emulator answers a hostile registry might send, keeping each listing self-consistent
// (SWR Content-Range, CCR total) so only the hostile part is under test.
import type { Answer, HostileRule } from './hostile-proxy.ts';

const OLD = '2020-01-01T00:00:00Z';

/** An SWR tag record as `GET …/tags` lists it, old enough for any age rule. */
export function swrTagRecord(
  tag: string,
  digest = `sha256:${Buffer.from(tag).toString('hex').slice(0, 60)}`,
) {
  return { Tag: tag, digest, created: OLD, updated: OLD, size: 1, tag_type: 0 };
}

/** A CCR tag record as the enterprise tag listing gives it. */
export function ccrTagRecord(tag: string) {
  return {
    tagName: tag,
    digest: `sha256:${Buffer.from(tag).toString('hex').slice(0, 60)}`,
    pushTime: OLD,
    size: 1,
  };
}

/** An SWR listing answer with `extra` records appended and Content-Range made to agree. */
export function withSwrRecords(answer: Answer, extra: readonly unknown[]): Partial<Answer> {
  const records = [...(Array.isArray(answer.json) ? answer.json : []), ...extra];
  return { json: records, headers: { 'content-range': `0-${records.length}/${records.length}` } };
}

/** A CCR listing answer with `extra` items appended and `total` made to agree. */
export function withCcrItems(answer: Answer, key: string, extra: readonly unknown[]): Partial<Answer> {
  const body = (answer.json ?? {}) as Record<string, unknown>;
  const items = [...(Array.isArray(body[key]) ? (body[key] as unknown[]) : []), ...extra];
  return { json: { ...body, [key]: items, total: items.length } };
}

/** Rewrites the first page of an SWR listing to hold these extra records. */
export function swrListingWith(path: RegExp, extra: readonly unknown[]): HostileRule {
  return { method: 'GET', path, rewrite: (answer) => withSwrRecords(answer, extra) };
}

/** A full page of `size` records that never changes, whatever offset is asked, and no Content-Range. */
export function swrEndlessPages(path: RegExp, record: (i: number) => unknown, size = 100): HostileRule {
  const page = Array.from({ length: size }, (_, i) => record(i));
  return {
    method: 'GET',
    path,
    rewrite: (answer) => ({ json: page, headers: { ...answer.headers, 'content-range': '' } }),
  };
}

/** A provider error body for a 400 with `message` as the text. */
export function swrErrorAnswer(message: string): Partial<Answer> {
  return { status: 400, json: { error_code: 'SWR.0001', error_msg: message } };
}
