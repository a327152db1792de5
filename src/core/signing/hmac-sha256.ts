import { createHash, createHmac } from 'node:crypto';

/** Lower-case hex HMAC-SHA256 of data under key. */
export function hmacSha256Hex(key: string, data: string): string {
  return createHmac('sha256', key).update(data, 'utf8').digest('hex');
}

/** Lower-case hex SHA-256 of data (UTF-8). */
export function sha256Hex(data: string): string {
  return createHash('sha256').update(data, 'utf8').digest('hex');
}
