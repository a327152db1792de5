import { nodeCrypto } from '../node/builtins.ts';

/** Lower-case hex HMAC-SHA256 of data under key. */
export function hmacSha256Hex(key: string, data: string): string {
  return nodeCrypto().createHmac('sha256', key).update(data, 'utf8').digest('hex');
}

/** Lower-case hex SHA-256 of data (UTF-8). */
export function sha256Hex(data: string): string {
  return nodeCrypto().createHash('sha256').update(data, 'utf8').digest('hex');
}
