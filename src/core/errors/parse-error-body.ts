import { isRecord } from '../types/is-record.ts';
/** What an error body says, in whichever provider shape it came. */
export interface ErrorBodyFields {
  code?: string;
  message?: string;
  requestId?: string;
}

type Fields = Record<string, unknown>;

/**
 * Reads the error body shapes of the specs into one form:
 * SWR `{"error_code","error_msg"}` (also IAM and the API gateway, sometimes with `request_id`),
 * SWR `[{"errorCode","errorMessage","detail"}]`, IAM `{"error":{"code","message","title"}}`,
 * Baidu `{"code","message","requestId"}`. Unknown shapes give an empty result.
 */
export function parseErrorBody(body: unknown): ErrorBodyFields {
  const record = Array.isArray(body) ? body.find(isRecord) : body;
  if (!isRecord(record)) return {};
  if (isRecord(record.error)) return fromIamError(record.error);
  if ('error_code' in record || 'error_msg' in record) {
    return compact(text(record.error_code), text(record.error_msg), text(record.request_id));
  }
  if ('errorCode' in record || 'errorMessage' in record) {
    return compact(text(record.errorCode), withDetail(text(record.errorMessage), text(record.detail)));
  }
  return compact(
    text(record.code),
    text(record.message) ?? text(record.msg),
    text(record.requestId) ?? text(record.request_id),
  );
}

function fromIamError(error: Fields): ErrorBodyFields {
  return compact(text(error.code), text(error.message) ?? text(error.title));
}

function withDetail(message: string | undefined, detail: string | undefined): string | undefined {
  if (!detail || detail === message) return message;
  return message ? `${message}: ${detail}` : detail;
}

function compact(code?: string, message?: string, requestId?: string): ErrorBodyFields {
  const fields: ErrorBodyFields = {};
  if (code) fields.code = code;
  if (message) fields.message = message;
  if (requestId) fields.requestId = requestId;
  return fields;
}

/** Strings as they are, numbers (IAM codes such as 401) as text; anything else is ignored. */
function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}
