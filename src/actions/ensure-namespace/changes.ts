// How a change reads in the log and in the `changes` output, whatever the provider.
import type { ChangeText } from '../../providers/seam/namespaces.ts';

/** The shown part of a change (for the `changes` output), without what the provider needs to make it. */
export function changeText(change: ChangeText): ChangeText {
  return { action: change.action, target: change.target, detail: change.detail };
}

/** One log line for a change. */
export function describeChange(change: ChangeText): string {
  return change.detail
    ? `${change.action} ${change.target}: ${change.detail}`
    : `${change.action} ${change.target}`;
}
