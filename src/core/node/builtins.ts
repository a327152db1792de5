// Node's heavier built-in modules, loaded at first use instead of when a bundle starts. Each pulls in
// more of Node (crypto and fs/promises load streams and readline, http and child_process load sockets),
// which together cost about a fifth of a bare `node -e 0` start; a step that stops on an input error,
// or never signs, hashes or spawns, loads none of them. `process.getBuiltinModule` is synchronous and
// cached by Node, so calling these at each use costs a lookup.

export const nodeCrypto = () => process.getBuiltinModule('node:crypto');

export const nodeFsPromises = () => process.getBuiltinModule('node:fs/promises');

export const nodeHttp = () => process.getBuiltinModule('node:http');

export const nodeChildProcess = () => process.getBuiltinModule('node:child_process');

/** Resolves after `ms` milliseconds (node:timers/promises would load AbortController and streams at start). */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
