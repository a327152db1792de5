const RETRYABLE_STATUSES = new Set([429, 500, 502, 503, 504]);

/** 429 and the 5xx answers that mean "try again later"; 501/505 and every 4xx else are final. */
export function isRetryableStatus(status: number): boolean {
  return RETRYABLE_STATUSES.has(status);
}

const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'PUT', 'DELETE']);

/** Methods whose repetition has the same effect as one call (RFC 9110 §9.2.2). */
export function isIdempotentMethod(method: string): boolean {
  return IDEMPOTENT_METHODS.has(method);
}

/** Transport failures after which the request may have reached the server. */
const RETRYABLE_AFTER_SEND = new Set([
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'ECONNABORTED',
  'UND_ERR_SOCKET',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  // The whole attempt overran its deadline (a server trickling its answer).
  'ATTEMPT_DEADLINE',
]);

/** Transport failures before the request left: the server cannot have acted on it. */
const NOT_SENT = new Set([
  'ECONNREFUSED',
  'UND_ERR_CONNECT_TIMEOUT',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
]);

/** Whether a transport error code (ECONNRESET, UND_ERR_HEADERS_TIMEOUT…) is worth another attempt. */
export function isRetryableNetworkCode(code: string | undefined): boolean {
  return code !== undefined && (RETRYABLE_AFTER_SEND.has(code) || NOT_SENT.has(code));
}

/** Whether a transport error code proves the request never reached the server (safe to repeat any method). */
export function isNotSentNetworkCode(code: string | undefined): boolean {
  return code !== undefined && NOT_SENT.has(code);
}
