/** Canonical header block and the SignedHeaders list, as both appear in a signature. */
export interface CanonicalHeaders {
  /** Lines `name:value` in signing order: each ending in `\n` (Huawei) or joined by `\n` (Baidu). */
  canonical: string;
  /** Lower-case names in signing order. */
  signedHeaders: string[];
}
