/** A request as the emulator received it. */
export interface ReceivedRequest {
  method: string;
  /** As received: the path is not decoded. */
  url: URL;
  /** Lower-case names, values as the HTTP parser gave them. */
  headers: Record<string, string>;
  body: string;
}

/** Whether a signature holds, with the access key it was made with, or why not. */
export type VerifyResult = { ok: true; accessKeyId: string } | { ok: false; reason: string };

/** The secret key of an access key id, or undefined for an unknown one. */
export type SecretLookup = (accessKeyId: string) => string | undefined;

/** A failed verification with its reason. */
export function rejected(reason: string): VerifyResult {
  return { ok: false, reason };
}
