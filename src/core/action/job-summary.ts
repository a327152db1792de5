import { stepHost } from '../host/step-host.ts';
import type { Markdown } from '../output/markdown.ts';

/** Appends markdown to the job summary; a no-op where the host keeps none (GITHUB_STEP_SUMMARY unset). */
export async function appendJobSummary(markdown: Markdown): Promise<void> {
  await stepHost().appendSummary(markdown.text);
}
