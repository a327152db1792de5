// Runs a step later than now: Debian's libfaketime (package faketime, installed by
// scripts/install-system-deps.sh) shifts the clock a process sees, here by an offset such as `+7m`.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The preload library, wherever the architecture puts it. */
function libfaketime(): string {
  const roots = ['/usr/lib', ...readdirSync('/usr/lib').map((dir) => join('/usr/lib', dir))];
  const found = roots
    .map((root) => join(root, 'faketime', 'libfaketime.so.1'))
    .find((path) => existsSync(path));
  if (!found)
    throw new Error('libfaketime is missing: run scripts/install-system-deps.sh (Debian package faketime)');
  return found;
}

/** Environment for a step whose clock runs `offset` (e.g. `+7m`) ahead. */
export function clockAhead(offset: string): Record<string, string> {
  return { LD_PRELOAD: libfaketime(), FAKETIME: offset, FAKETIME_DONT_RESET: '1' };
}
