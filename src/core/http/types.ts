import type { Provider } from '../errors/errors.ts';

export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Query parameters in the order given; a repeated key is given twice. */
export type QueryParams = ReadonlyArray<readonly [string, string]>;

/** One API call as a provider client describes it. */
export interface ApiRequest {
  method: HttpMethod;
  /** Path already percent-encoded where needed (SWR repository `/` already replaced by `$`). */
  path: string;
  query?: QueryParams;
  headers?: Readonly<Record<string, string>>;
  /** Serialised as JSON with `Content-Type: application/json`. */
  body?: unknown;
  /** Human label for errors and logs, e.g. "list tags of team/app". */
  operation: string;
  /** Statuses that are returned instead of thrown (e.g. 404 on a lookup, 409 on create). */
  acceptStatus?: readonly number[];
  /** A non-idempotent call the API makes safe to repeat (POST is otherwise never retried). */
  retrySafe?: boolean;
  /**
   * false: a DELETE (or PUT) that must not be repeated once it may have reached the server, like a POST:
   * a late repeat of a delete by a key that others may create again would remove their resource.
   */
  idempotent?: boolean;
  /** The body is not JSON (or absent) and must not be parsed. */
  rawBody?: boolean;
  /**
   * Reads a successful answer's body bytes in place of JSON.parse (e.g. a listing page reduced to what the
   * caller keeps as it arrives, never decoded as one string); throwing makes the answer "not JSON", as a
   * parse failure does.
   */
  readBody?: (body: Uint8Array) => unknown;
  /** The response carries a credential: errors describe its body without quoting any of it. */
  secretResponse?: boolean;
  /** Once aborted, an attempt still waiting for its turn in the throttle is not sent (rejects with the reason). */
  signal?: AbortSignal;
}

export interface ApiResponse<T = unknown> {
  status: number;
  /** Lower-case header names. */
  headers: Readonly<Record<string, string>>;
  /** Parsed JSON body (undefined for empty bodies or rawBody requests). */
  body: T;
  /** Raw body text (only for rawBody requests). */
  text?: string;
}

/** A request ready to go on the wire, as signers see it. */
export interface WireRequest {
  method: HttpMethod;
  url: URL;
  /** Header names as they will be sent; signers add to this object. */
  headers: Record<string, string>;
  body: string;
}

/** Adds authentication (signature or token headers) to a request about to be sent. */
export type Authenticator = (request: WireRequest) => Promise<void> | void;

/** The one HTTP client the provider clients use. Throws ApiError for any status not 2xx or accepted. */
export interface ApiClient {
  readonly provider: Provider;
  readonly baseUrl: URL;
  request<T = unknown>(request: ApiRequest): Promise<ApiResponse<T>>;
}
