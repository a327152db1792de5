// Tells "the token may not read this" apart from other failures of a GitHub call.
import { isRecord } from '../types/is-record.ts';

/** HTTP statuses GitHub answers when the token lacks a permission or cannot see the repository. */
const REFUSED = new Set([401, 403, 404]);

/** A short reason when `error` is GitHub refusing the token, else undefined. */
export function refusalOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const status = (error as { status?: unknown }).status;
  if (typeof status === 'number' && REFUSED.has(status)) return `${status} ${firstLine(messageOf(error))}`;
  const errors = (error as { errors?: unknown }).errors;
  if (Array.isArray(errors)) {
    const refused = errors.find(
      (entry: unknown) => isRecord(entry) && ['FORBIDDEN', 'NOT_FOUND'].includes(String(entry.type)),
    ) as { type: string; message?: unknown } | undefined;
    if (refused) return `${refused.type} ${firstLine(String(refused.message ?? ''))}`;
  }
  return undefined;
}

/** `500 Internal server error`, `timeout`…: a failure of any kind in a few words. */
export function failureOf(error: unknown): string {
  if (typeof error !== 'object' || error === null) return String(error).slice(0, 200);
  const status = (error as { status?: unknown }).status;
  const message = firstLine(messageOf(error)).replace(/ - https:\/\/docs\.github\.com\S*$/, '');
  return typeof status === 'number' && status > 0 ? `${status} ${message}` : message || 'no answer';
}

function messageOf(error: object): string {
  const response = (error as { response?: { data?: { message?: unknown } } }).response;
  const message = response?.data?.message ?? (error as { message?: unknown }).message;
  return typeof message === 'string' ? message : '';
}

function firstLine(text: string): string {
  return (text.split('\n', 1)[0] ?? '').slice(0, 200).trim();
}
