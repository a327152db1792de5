import { stepHost } from '../host/step-host.ts';

/** Saves a value for the post step as JSON under `key` (the runner's GITHUB_STATE, the CLI's state file); a later save replaces it. */
export function saveJsonState(key: string, value: unknown): void {
  stepHost().saveState(key, JSON.stringify(value));
}

/**
 * The value main saved under `key`, checked by `isState`; undefined when main saved nothing or what is
 * there is not such a value (post then has nothing to undo).
 */
export function readJsonState<T>(
  key: string,
  isState: (value: unknown) => value is T,
  raw: string = stepHost().getState(key),
): T | undefined {
  if (raw.trim() === '') return undefined;
  try {
    const parsed: unknown = JSON.parse(raw);
    return isState(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}
