// The inputs the actions read as secrets (InputReader.secret: masked at once on a runner). On a command
// line they would land in the shell history and the process list, so the CLI warns when one is given as
// a plain flag and points to its --<input>-file form and its REGISTRY_ACTIONS_* variable.

export const SECRET_INPUTS: ReadonlySet<string> = new Set([
  'access-key-id',
  'secret-access-key',
  'security-token',
  'iam-password',
  'password',
  'github-token',
]);
