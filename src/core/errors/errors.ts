import { visible } from '../output/visible.ts';

/**
 * Which API a failed call went to (SWR, IAM, CCR, or another provider's label); shown first in every
 * ApiError message. Text, not a closed list: a new provider names its own API without an edit here.
 */
export type Provider = string;

export interface ApiErrorFields {
  provider: Provider;
  /** Human label of the operation, e.g. "delete tag app:v1 in namespace team". */
  operation: string;
  method: string;
  /** Request path without query string (never carries credentials). */
  path: string;
  /** HTTP status, or 0 when no response arrived (network error, timeout). */
  status: number;
  /** Provider error code such as SWR.0106 or AccessDenied, when the body had one. */
  code?: string;
  /** Provider message from the body, or a description of the transport failure. */
  providerMessage: string;
  requestId?: string;
  /** What the user should check or change next. */
  hint?: string;
  /** Transport code when no usable response arrived (ECONNRESET, ATTEMPT_DEADLINE, RESPONSE_TOO_LARGE…). */
  transport?: string;
  /**
   * The registry refused the request as one too many (429, or its own code for it such as SWR's 403
   * SVCSTG.SWR.4031042), not for the credentials' sake.
   */
  throttled?: boolean;
}

/** A call to a provider API failed; built from method, path, status and body fields only, never headers. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly provider: Provider;
  readonly operation: string;
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly code: string | undefined;
  readonly providerMessage: string;
  readonly requestId: string | undefined;
  readonly hint: string | undefined;
  readonly transport: string | undefined;
  readonly throttled: boolean;

  constructor(fields: ApiErrorFields) {
    super(formatApiError(fields));
    this.provider = fields.provider;
    this.operation = fields.operation;
    this.method = fields.method;
    this.path = fields.path;
    this.status = fields.status;
    this.code = fields.code;
    this.providerMessage = fields.providerMessage;
    this.requestId = fields.requestId;
    this.hint = fields.hint;
    this.transport = fields.transport;
    this.throttled = fields.throttled === true;
  }
}

/** Every field may hold a server's or a listing's text: each goes through `visible`. */
function formatApiError(f: ApiErrorFields): string {
  const status = f.status === 0 ? 'no response' : String(f.status);
  // IAM sometimes repeats the status as its error code ("401"): say it once.
  const code = f.code && f.code !== String(f.status) ? ` ${visible(f.code)}` : '';
  const requestId = f.requestId ? ` (request id ${visible(f.requestId)})` : '';
  const hint = f.hint ? ` ${visible(f.hint)}` : '';
  const call = `${visible(f.operation)} (${f.method} ${visible(f.path)})`;
  return `${f.provider} ${call} → ${status}${code} "${visible(f.providerMessage)}"${requestId}.${hint}`;
}

/** An action input is missing, malformed or conflicts with another; raised before any API call. */
export class InputError extends Error {
  override readonly name = 'InputError';
  /** The input names involved, kebab-case as in action.yml. */
  readonly inputs: readonly string[];

  constructor(inputs: string | readonly string[], message: string) {
    super(message);
    this.inputs = typeof inputs === 'string' ? [inputs] : inputs;
  }
}

/** A listing could not be read to the end, so nothing may be deleted on its basis. */
export class ListingIncompleteError extends Error {
  override readonly name = 'ListingIncompleteError';
}

/** Text of any thrown value, for logs and step failures. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'string') return error;
  try {
    return JSON.stringify(error);
  } catch {
    return String(error);
  }
}

/** A name or id (from an input or a listing) that breaks its rules, refused before any request uses it. */
export class UnsafeNameError extends Error {
  override readonly name = 'UnsafeNameError';
  /** What the value names: "tag", "SWR repository", "CCR project id"… */
  readonly what: string;
  readonly value: string;
  readonly problems: readonly string[];

  constructor(what: string, value: string, problems: readonly string[]) {
    super(
      `Refused ${what} ${JSON.stringify(value)}: it ${problems.join('; ')}. No request was made with it.`,
    );
    this.what = what;
    this.value = value;
    this.problems = problems;
  }
}
