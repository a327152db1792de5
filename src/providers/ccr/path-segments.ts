// How CCR names and ids go into request paths: each checked by its rule, then encoded.
import { encodedOnceMore, type SegmentRule } from '../../core/path/api-path.ts';
import { numericIdProblems, ociRepositoryProblems, ociTagProblems } from '../../core/path/segment-rules.ts';
import { ccrNamespaceProblems } from './name-rules.ts';

export const CCR_INSTANCE: SegmentRule = {
  what: 'CCR instance id',
  problems: (id) => (/^ccr-[a-z0-9]+$/.test(id) ? [] : ['is not a CCR instance id such as ccr-4k74gw7d']),
};

export const CCR_NAMESPACE: SegmentRule = { what: 'CCR namespace', problems: ccrNamespaceProblems };

/** Repository names follow the OCI grammar; a `/` inside is percent-encoded like any other character. */
export const CCR_REPOSITORY: SegmentRule = { what: 'CCR repository', problems: ociRepositoryProblems };

/**
 * The same names with the percent-encoded form encoded once more (`a/b` → `a%252Fb`), the form
 * Harbor-based APIs need because their router decodes once before splitting the path.
 */
export const CCR_REPOSITORY_DOUBLE_ENCODED: SegmentRule = {
  ...CCR_REPOSITORY,
  spellEncoded: encodedOnceMore,
};

export const CCR_TAG: SegmentRule = { what: 'tag', problems: ociTagProblems };

export const CCR_PROJECT_ID: SegmentRule = { what: 'CCR personal namespace id', problems: numericIdProblems };
