// Pure decisions of the login action: when a login expires, and what to warn.
import type { RegistryLogin } from '../../providers/seam/login.ts';

/** Below this much remaining life, the log warns that later steps may find the login expired. */
const EXPIRY_WARNING_MINUTES = 60;

/** A warning when the login may expire while the job still needs it; undefined otherwise. */
export function expiryWarning(login: RegistryLogin, now: Date, hint: string): string | undefined {
  if (!login.expiresAt) return undefined;
  const minutes = Math.floor((login.expiresAt.getTime() - now.getTime()) / 60_000);
  if (minutes >= EXPIRY_WARNING_MINUTES) return undefined;
  return (
    `The login to ${login.registry} expires at ${login.expiresAt.toISOString()} (in ${Math.max(minutes, 0)} ` +
    `minutes): pushes and pulls after that fail with 401 unauthorized. ${hint}`
  );
}

/** "5 h 30 min" style duration between now and a date. */
export function formatRemaining(until: Date, now: Date): string {
  const minutes = Math.max(0, Math.round((until.getTime() - now.getTime()) / 60_000));
  const hours = Math.floor(minutes / 60);
  return hours > 0 ? `${hours} h ${minutes % 60} min` : `${minutes} min`;
}
