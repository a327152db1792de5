import type { StepResult } from '../harness/runner.ts';

/** The forms a secret could leak in: raw, base64 (alone and as user:secret), percent-encoded. */
export function leakForms(secret: string, username?: string): string[] {
  const forms = [secret, Buffer.from(secret).toString('base64'), encodeURIComponent(secret)];
  if (username) forms.push(Buffer.from(`${username}:${secret}`).toString('base64'));
  return [...new Set(forms)];
}

/**
 * Where in a step's visible results any form of a secret appears: log (without ::add-mask:: lines),
 * outputs, state, exported environment and job summary. Empty when nothing leaked.
 */
export function findLeaks(
  step: Pick<StepResult, 'log' | 'outputs' | 'state' | 'exportedEnv' | 'summary'>,
  secrets: readonly string[],
  username?: string,
): string[] {
  const places: Record<string, string> = {
    log: step.log,
    outputs: JSON.stringify(step.outputs),
    state: JSON.stringify(step.state),
    env: JSON.stringify(step.exportedEnv),
    summary: step.summary,
  };
  const leaks: string[] = [];
  for (const secret of secrets) {
    for (const form of leakForms(secret, username)) {
      for (const [place, text] of Object.entries(places)) {
        if (text.includes(form)) leaks.push(`${place} contains a form of secret ${secret.slice(0, 2)}…`);
      }
    }
  }
  return leaks;
}
