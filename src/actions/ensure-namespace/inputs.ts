// The only place that reads ensure-namespace's inputs: parsed and checked here, before any API call.
import { inputLabel, quoteInputs } from '../../core/action/input-names.ts';
import { InputReader } from '../../core/action/input-reader.ts';
import { checkDeclaredInputs } from '../../core/action/undeclared-inputs.ts';
import { InputError } from '../../core/errors/errors.ts';
import { chooseProvider, PROVIDERS, type ProviderTable } from '../../providers/index.ts';
import type { NamespaceSupport, NamespaceTarget } from '../../providers/seam/namespaces.ts';
import type { ProviderWith } from '../../providers/seam/provider.ts';
import { actionMetadata } from './action-metadata.ts';

export interface EnsureNamespaceInputs {
  /** The `provider` input: the registry family. */
  provider: string;
  namespace: string;
  state: 'present' | 'absent';
  force: boolean;
  dryRun: boolean;
  checkOnly: boolean;
  /** Registry host for the `registry-path` output, when the default for the region does not fit. */
  registry: string | undefined;
  /** The provider's connection and declaration (repositories, permissions, public…), read by the provider. */
  target: NamespaceTarget;
}

/** Reads and validates every ensure-namespace input into one object; throws InputError naming the input. */
export function readEnsureNamespaceInputs(
  read: InputReader = new InputReader(),
  providers: ProviderTable = PROVIDERS,
): EnsureNamespaceInputs {
  const provider = chooseProvider(read, 'namespaces', { action: 'ensure-namespace', table: providers });
  const support = provider.namespaces;
  const common = {
    namespace: read.string('namespace'),
    state: read.oneOf('state', ['present', 'absent'], { default: 'present' }),
    force: read.boolean('force', { default: false }),
  };
  const inputs: EnsureNamespaceInputs = {
    provider: provider.name,
    ...common,
    dryRun: read.boolean('dry-run', { default: false }),
    checkOnly: read.boolean('check-only', { default: false }),
    registry: read.optional('registry'),
    target: support.read(read, common),
  };
  checkNamespaceName(support, inputs.namespace);
  refuseOthersInputs(read, provider, providers);
  checkState(inputs, support.declaredInputs(read));
  checkDeclaredInputs(read, actionMetadata, destructiveRun(inputs));
  return inputs;
}

/** state: absent and declarations that take things away refuse an input the action does not know. */
function destructiveRun(inputs: EnsureNamespaceInputs): Parameters<typeof checkDeclaredInputs>[2] {
  if (inputs.state === 'absent') return { refuse: true, because: 'state: absent deletes the namespace' };
  if (inputs.target.removes) return { refuse: true, because: inputs.target.removes };
  return { refuse: false };
}

function checkNamespaceName(support: NamespaceSupport, namespace: string): void {
  const problems = support.nameProblems(namespace);
  if (problems.length === 0) return;
  throw new InputError(
    'namespace',
    `Input 'namespace' "${namespace}" is not ${support.nameKind}: it ${problems.join('; it ')}.`,
  );
}

/** Declaration inputs of other providers are an error naming the providers that take them. */
function refuseOthersInputs(
  read: InputReader,
  chosen: ProviderWith<'namespaces'>,
  providers: ProviderTable,
): void {
  const own = chosen.namespaces;
  const refused: string[] = [];
  const owners = new Set<string>();
  for (const other of providers) {
    if (other === chosen || !other.namespaces) continue;
    for (const name of other.namespaces.declaredInputs(read)) {
      if (own.inputs.includes(name) || refused.includes(name)) continue;
      refused.push(name);
      owners.add(other.name);
    }
  }
  if (refused.length === 0) return;
  const reason = refused.map((name) => own.refusals?.[name]).find((text) => text !== undefined);
  if (reason) throw new InputError(refused, reason);
  const them = refused.length > 1;
  throw new InputError(
    refused,
    `${inputLabel(refused)} ${them ? 'apply' : 'applies'} to provider ${[...owners].join(', ')} only; ` +
      `remove ${them ? 'them' : 'it'} for ${chosen.name}.`,
  );
}

/** state: absent deletes the namespace, so nothing may be declared with it; force only goes with it. */
function checkState(inputs: EnsureNamespaceInputs, declared: readonly string[]): void {
  if (inputs.state === 'absent') {
    if (declared.length > 0) {
      throw new InputError(
        ['state', ...declared],
        `Input 'state' is absent, which deletes the namespace, so ${quoteInputs(declared)} cannot be declared with it.`,
      );
    }
  } else if (inputs.force) {
    throw new InputError(
      ['force', 'state'],
      "Input 'force' only applies with state: absent (it deletes repositories first).",
    );
  }
}
