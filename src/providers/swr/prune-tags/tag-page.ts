// One page of SWR's tag listing read from its bytes straight into a TagTable: of each record only the fields the planner
// uses are taken (the manifest text only when it may be an index); the rest is checked as JSON and skipped.
import { type PickedFields, readPickedRecords } from '../../../core/json/picked-records.ts';
import { manifestListChildren, normalizeDigest } from '../../../core/registry/manifest-document.ts';
import { parseTime, refusal, type TagInfo } from '../../seam/tag-info.ts';
import { TagTable } from '../../seam/tag-table.ts';
import { SWR_TAG } from '../path-segments.ts';
import type { SwrTag } from '../tags.ts';

const FIELDS = ['Tag', 'digest', 'updated', 'created', 'size', 'tag_type', 'manifest'] as const;

/** A page's body (a JSON array of tag records) as a table of its tags; throws SyntaxError when not JSON. */
export function readSwrTagPage(body: Uint8Array): TagTable {
  const table = new TagTable();
  readPickedRecords(body, FIELDS, (fields) => table.push(fromSwrTag(pickedSwrTag(fields))));
  return table;
}

/**
 * The fields fromSwrTag reads. The manifest is decoded only when it may be an index: when the record says
 * it is a list, or its text has "manifests" in it, or escapes that could spell it.
 */
function pickedSwrTag(fields: PickedFields): SwrTag {
  const record = {
    Tag: fields.value('Tag'),
    digest: fields.value('digest'),
    updated: fields.value('updated'),
    created: fields.value('created'),
    size: fields.value('size'),
    tag_type: fields.value('tag_type'),
  } as SwrTag;
  const mayBeIndex =
    fields.rawStartsWith('manifest', '"') &&
    (record.tag_type === 1 ||
      fields.rawIncludes('manifest', 'manifests') ||
      fields.rawIncludes('manifest', '\\u'));
  if (mayBeIndex) record.manifest = fields.value('manifest') as string;
  return record;
}

/**
 * SWR's record as the planner's view; `tag_type` 1 is a manifest list (spec table 4-35), and so is any
 * tag whose manifest text is an index (an OCI index reported as type 0 must still protect its images).
 */
export function fromSwrTag(record: SwrTag): TagInfo {
  // Only an index has a "manifests" field: skip parsing the plain image manifests (most tags).
  const mayBeList = record.tag_type === 1 || record.manifest?.includes('"manifests"') === true;
  const children = mayBeList ? manifestListChildren(record.manifest) : undefined;
  // Built with its usual fields in one literal (the rare ones added after), so 100,000 tags share one compact shape.
  const info: TagInfo = {
    name: String(record.Tag),
    digest: normalizeDigest(record.digest),
    updatedAt: parseTime(record.updated ?? record.created),
    size: typeof record.size === 'number' ? record.size : 0,
    kind: record.tag_type === 1 || children !== undefined ? 'list' : 'image',
  };
  const { refused } = refusal(record.Tag, SWR_TAG);
  if (refused !== undefined) info.refused = refused;
  if (info.kind === 'list' && children) info.children = children;
  return info;
}
