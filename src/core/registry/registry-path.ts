// How repository names and digests go into registry v2 paths: `/v2/<name>/manifests/<digest>`, the
// name's `/` kept as path separators (each component checked by the OCI grammar).
import type { SegmentRule } from '../path/api-path.ts';
import { ociRepositoryProblems } from '../path/segment-rules.ts';
import { SHA256_DIGEST } from './manifest-document.ts';

/** `namespace/repository` as the v2 API names it: OCI repository grammar, `/` left as it is. */
export const REGISTRY_NAME: SegmentRule = {
  what: 'registry repository name',
  problems: ociRepositoryProblems,
  spellEncoded: (encoded) => encoded.replaceAll('%2F', '/'),
};

/** A manifest digest, `sha256:` and 64 lower-case hex digits; the `:` stays as it is. */
export const MANIFEST_DIGEST: SegmentRule = {
  what: 'manifest digest',
  problems: (digest) => (SHA256_DIGEST.test(digest) ? [] : ['is not sha256: and 64 hex digits']),
  spellEncoded: (encoded) => encoded.replace('%3A', ':'),
};
