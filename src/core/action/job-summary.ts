import * as core from '@actions/core';
import type { Markdown } from '../output/markdown.ts';

/** Appends markdown to the job summary; a no-op outside a runner (GITHUB_STEP_SUMMARY unset). */
export async function appendJobSummary(markdown: Markdown): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  await core.summary.addRaw(markdown.text, true).write();
}
