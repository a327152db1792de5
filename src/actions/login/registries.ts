// `registries`: several registry hosts in one step, any mix of providers. Each host says its provider,
// region and instance; each provider reads its own login inputs and its vendor's credentials.
import type { InputReader } from '../../core/action/input-reader.ts';
import { refuseInputs } from '../../core/action/refuse-inputs.ts';
import { InputError } from '../../core/errors/errors.ts';
import { mapNonEmpty, type NonEmpty } from '../../core/types/non-empty.ts';
import {
  type ProviderTable,
  type RecognizedRegistry,
  recognizeRegistry,
  registryHostForms,
} from '../../providers/index.ts';
import type { LoginTarget } from '../../providers/seam/login.ts';
import { readRegistryHost } from './registry-target.ts';

/** Credential inputs that could only be one provider's: ambiguous when the hosts are of several. */
const SHARED_CREDENTIALS = ['access-key-id', 'secret-access-key', 'security-token'];

/** One login per line of `registries`, in order; InputError for a host no provider recognizes. */
export function readRegistriesTargets(
  reader: InputReader,
  lines: NonEmpty<string>,
  password: string | undefined,
  providers: ProviderTable,
): NonEmpty<LoginTarget> {
  refuseInputs(
    reader,
    ['registry', 'provider', 'region', 'instance-id', 'registry-access'],
    'registries (each registry host says its own provider, region and instance)',
  );
  const known = mapNonEmpty(lines, (line, index) => recognize(line, index, providers));
  const repeated = known.find(({ registry }, i) => known.findIndex((k) => k.registry === registry) !== i);
  if (repeated) {
    throw new InputError('registries', `Input 'registries' names ${repeated.registry} twice.`);
  }
  const used = [...new Set(known.map(({ recognized }) => recognized.provider))];
  if (used.length > 1) {
    refuseInputs(
      reader,
      SHARED_CREDENTIALS,
      `registries of several providers (${used.map((p) => p.label).join(' and ')}), since each needs its own ` +
        "keys: give them in the vendors' environment variables (HUAWEICLOUD_SDK_AK / HUAWEICLOUD_SDK_SK for " +
        'SWR, BCE_ACCESS_KEY_ID / BCE_SECRET_ACCESS_KEY for CCR) or use a step per provider',
    );
  }
  return mapNonEmpty(known, ({ registry, recognized }) => {
    // Each provider reads its own login inputs, not those another provider of the step needs.
    const hidden = used
      .filter((other) => other !== recognized.provider)
      .flatMap((other) => other.login.loginInputs)
      .filter((name) => !recognized.provider.login.loginInputs.includes(name));
    const view = reader.view({ implied: recognized.inputs, hidden });
    return recognized.provider.login.readTarget(view, { registry, password });
  });
}

function recognize(
  line: string,
  index: number,
  providers: ProviderTable,
): { registry: string; recognized: RecognizedRegistry } {
  const registry = readRegistryHost('registries', line);
  const recognized = recognizeRegistry(registry, providers);
  if (!recognized) {
    throw new InputError(
      'registries',
      `Input 'registries' line ${index + 1} "${registry}" is not a registry host the action recognizes ` +
        `(${registryHostForms(providers).join(', ')}); log in to it in a step of its own with provider and ` +
        'registry.',
    );
  }
  return { registry, recognized };
}
