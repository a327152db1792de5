// How SWR names and ids go into request paths: each checked by SWR's own rule, then encoded.
import type { SegmentRule } from '../../core/path/api-path.ts';
import { numericIdProblems, ociTagProblems } from '../../core/path/segment-rules.ts';
import { swrNamespaceProblems, swrRepositoryProblems } from './name-rules.ts';

export const SWR_NAMESPACE: SegmentRule = { what: 'SWR organization', problems: swrNamespaceProblems };

/** SWR wants `/` in repository names sent as `$` (spec 4.2.3). */
export const SWR_REPOSITORY: SegmentRule = {
  what: 'SWR repository',
  problems: swrRepositoryProblems,
  spellEncoded: (encoded) => encoded.replaceAll('%2F', '$'),
};

export const SWR_TAG: SegmentRule = { what: 'tag', problems: ociTagProblems };

export const SWR_RETENTION_ID: SegmentRule = { what: 'SWR retention policy id', problems: numericIdProblems };
