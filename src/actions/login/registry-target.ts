// One login from `registry` and the provider inputs: a host a provider recognizes says the provider,
// region and instance itself; an input given as well must agree with it.
import type { InputReader } from '../../core/action/input-reader.ts';
import { registryKey } from '../../core/docker/registry-host.ts';
import { InputError } from '../../core/errors/errors.ts';
import {
  chooseProvider,
  type ProviderTable,
  type RecognizedRegistry,
  recognizeRegistry,
  registryHostForms,
} from '../../providers/index.ts';
import type { LoginTarget } from '../../providers/seam/login.ts';

/** A registry host as the config.json key; an InputError naming `input` when the text is not one. */
export function readRegistryHost(input: string, text: string): string;
export function readRegistryHost(input: string, text: string | undefined): string | undefined;
export function readRegistryHost(input: string, text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const key = registryKey(text);
  if (key === undefined) {
    throw new InputError(
      input,
      `Input '${input}' must hold registry hosts such as swr.cn-north-4.myhuaweicloud.com or ` +
        `registry.example.com:5000 (no path), got "${text}".`,
    );
  }
  return key;
}

/** The login for `registry` (or for the provider inputs alone when it is empty). */
export function readTargetForHost(
  reader: InputReader,
  registry: string | undefined,
  password: string | undefined,
  providers: ProviderTable,
): LoginTarget {
  const known = registry ? recognizeRegistry(registry, providers) : undefined;
  if (!known || !registry) {
    if (registry && reader.optional('provider') === undefined) {
      throw new InputError(
        ['provider', 'registry'],
        `Input 'provider' is empty and registry ${registry} is not a host the action recognizes ` +
          `(${registryHostForms(providers).join(', ')}): set provider, and region or instance-id as it needs.`,
      );
    }
    const provider = chooseProvider(reader, 'login', { action: 'login', table: providers });
    return provider.login.readTarget(reader, { registry, password });
  }
  refuseContradictions(reader, registry, known);
  return known.provider.login.readTarget(reader.view({ implied: known.inputs }), { registry, password });
}

/** An input given beside a recognized host must say what the host says. */
function refuseContradictions(reader: InputReader, registry: string, known: RecognizedRegistry): void {
  for (const [name, implied] of Object.entries(known.inputs)) {
    const given = reader.optional(name);
    if (given === undefined || given.toLowerCase() === implied.toLowerCase()) continue;
    throw new InputError(
      [name, 'registry'],
      `Input '${name}' is "${given}", but registry ${registry} is ${describe(name, implied, known)}: leave ` +
        `'${name}' empty (the host says it) or make the two agree.`,
    );
  }
}

function describe(name: string, implied: string, known: RecognizedRegistry): string {
  if (name === 'provider') return `a ${known.provider.label} registry (provider ${implied})`;
  return `${name} ${implied}`;
}
