import { stepHost } from '../host/step-host.ts';

const known = new Set<string>();

/** Registers a secret with the host (the runner's `::add-mask::`) and with redact(); returns the value unchanged. */
export function maskSecret<T extends string | undefined>(value: T): T {
  if (value === undefined || value === '') return value;
  for (const form of secretForms(value)) {
    if (known.has(form)) continue;
    known.add(form);
    stepHost().hideSecret(form);
  }
  return value;
}

/** The forms a secret may take in text: raw, base64 and percent-encoded. */
function secretForms(value: string): string[] {
  const forms = new Set([value, Buffer.from(value).toString('base64'), encodeURIComponent(value)]);
  return [...forms].filter((form) => form.length >= 4 || form === value);
}

/** Replaces every known secret (in any of its forms) in text with `***`. */
export function redact(text: string): string {
  let out = text;
  for (const secret of [...known].sort((a, b) => b.length - a.length)) {
    if (secret.length > 0) out = out.split(secret).join('***');
  }
  return out;
}

/** Forgets every registered secret (tests only). */
export function forgetSecrets(): void {
  known.clear();
}
