// The only place that reads ensure-namespace's inputs: parsed and checked here, before any API call.

import { inputLabel, quoteInputs } from '../../core/action/input-names.ts';
import { InputReader } from '../../core/action/input-reader.ts';
import { checkDeclaredInputs } from '../../core/action/undeclared-inputs.ts';
import { InputError } from '../../core/errors/errors.ts';
import { ccrNamespaceProblems } from '../../providers/ccr/name-rules.ts';
import { type Connection, readConnection } from '../../providers/index.ts';
import { swrNamespaceProblems } from '../../providers/swr/name-rules.ts';
import { actionMetadata } from './action-metadata.ts';
import { type PermissionWish, parsePermissionLines } from './permission-lines.ts';
import { parseRepositoryLines, type RepositoryWish } from './repository-lines.ts';

export interface EnsureNamespaceInputs {
  /** Provider, region, endpoints, credentials and (CCR enterprise) instance id, from the common inputs. */
  connection: Connection;
  provider: 'swr' | 'ccr';
  namespace: string;
  state: 'present' | 'absent';
  /** CCR enterprise instance; absent for SWR and CCR personal. */
  instanceId: string | undefined;
  repositories: RepositoryWish[];
  permissions: PermissionWish[];
  prunePermissions: boolean;
  /** CCR: visibility of the namespace; undefined = private on create, not compared afterwards. */
  isPublic: boolean | undefined;
  force: boolean;
  dryRun: boolean;
  checkOnly: boolean;
  /** Registry host for the `registry-path` output, when the default for the region does not fit. */
  registry: string | undefined;
}

/** Reads and validates every ensure-namespace input into one object; throws InputError naming the input. */
export function readEnsureNamespaceInputs(read: InputReader = new InputReader()): EnsureNamespaceInputs {
  const connection = readConnection(read);
  const inputs: EnsureNamespaceInputs = {
    connection,
    provider: connection.provider,
    namespace: read.string('namespace'),
    state: read.oneOf('state', ['present', 'absent'], { default: 'present' }),
    instanceId: connection.provider === 'ccr' ? connection.instanceId : undefined,
    repositories: parseRepositoryLines(read.lines('repositories')),
    permissions: parsePermissionLines(read.lines('permissions')),
    prunePermissions: read.boolean('prune-permissions', { default: false }),
    isPublic: read.optional('public') === undefined ? undefined : read.boolean('public', { default: false }),
    force: read.boolean('force', { default: false }),
    dryRun: read.boolean('dry-run', { default: false }),
    checkOnly: read.boolean('check-only', { default: false }),
    registry: read.optional('registry'),
  };
  checkNamespaceName(inputs.provider, inputs.namespace);
  checkCombinations(inputs);
  checkDeclaredInputs(read, actionMetadata, destructiveRun(inputs));
  return inputs;
}

/** state: absent and prune-permissions take things away: they refuse an input the action does not know. */
function destructiveRun(inputs: EnsureNamespaceInputs): Parameters<typeof checkDeclaredInputs>[2] {
  if (inputs.state === 'absent') return { refuse: true, because: 'state: absent deletes the namespace' };
  if (inputs.prunePermissions) return { refuse: true, because: 'prune-permissions revokes permissions' };
  return { refuse: false };
}

function checkNamespaceName(provider: 'swr' | 'ccr', namespace: string): void {
  const problems = provider === 'swr' ? swrNamespaceProblems(namespace) : ccrNamespaceProblems(namespace);
  if (problems.length === 0) return;
  const service = provider === 'swr' ? 'an SWR organization (namespace) name' : 'a CCR namespace name';
  throw new InputError(
    'namespace',
    `Input 'namespace' "${namespace}" is not ${service}: it ${problems.join('; it ')}.`,
  );
}

/** Rules between inputs; pure. */
export function checkCombinations(inputs: EnsureNamespaceInputs): void {
  const swrOnly: Array<[string, boolean]> = [
    ['repositories', inputs.repositories.length > 0],
    ['permissions', inputs.permissions.length > 0],
    ['prune-permissions', inputs.prunePermissions],
  ];
  if (inputs.provider === 'ccr') {
    const used = swrOnly.filter(([, set]) => set).map(([name]) => name);
    if (used.length > 0) {
      throw new InputError(
        used,
        `${inputLabel(used)} ${used.length > 1 ? 'apply' : 'applies'} to provider swr only; remove ${used.length > 1 ? 'them' : 'it'} for ccr.`,
      );
    }
  }
  if (inputs.provider === 'swr' && inputs.isPublic !== undefined) {
    throw new InputError(
      'public',
      "Input 'public' applies to CCR namespaces; SWR sets visibility per repository (visibility= in 'repositories').",
    );
  }
  if (inputs.state === 'absent') {
    const declared = swrOnly.filter(([, set]) => set).map(([name]) => name);
    if (inputs.isPublic !== undefined) declared.push('public');
    if (declared.length > 0) {
      throw new InputError(
        ['state', ...declared],
        `Input 'state' is absent, which deletes the namespace, so ${quoteInputs(declared)} cannot be declared with it.`,
      );
    }
    if (inputs.provider === 'ccr' && inputs.instanceId !== undefined) {
      throw new InputError(
        ['state', 'instance-id'],
        "Input 'state' is absent, which is supported for SWR and CCR personal namespaces only (no 'instance-id'); " +
          'delete CCR enterprise namespaces in the console.',
      );
    }
  } else if (inputs.force) {
    throw new InputError(
      ['force', 'state'],
      "Input 'force' only applies with state: absent (it deletes repositories first).",
    );
  }
}
