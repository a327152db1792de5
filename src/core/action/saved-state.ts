import * as core from '@actions/core';

/** Saves a value for the post step as JSON under `key` (core.saveState); a later save replaces it. */
export function saveJsonState(key: string, value: unknown): void {
  core.saveState(key, JSON.stringify(value));
}

/**
 * The value main saved under `key`, checked by `isState`; undefined when main saved nothing or what is
 * there is not such a value (post then has nothing to undo).
 */
export function readJsonState<T>(
  key: string,
  isState: (value: unknown) => value is T,
  raw: string = core.getState(key),
): T | undefined {
  if (raw.trim() === '') return undefined;
  try {
    const parsed: unknown = JSON.parse(raw);
    return isState(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}
