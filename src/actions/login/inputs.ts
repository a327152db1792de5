// The login action's inputs: parsed and checked here, before any API call.
import { InputReader } from '../../core/action/input-reader.ts';
import { checkDeclaredInputs } from '../../core/action/undeclared-inputs.ts';
import { InputError } from '../../core/errors/errors.ts';
import { isNonEmpty, type NonEmpty } from '../../core/types/non-empty.ts';
import { PROVIDERS, type ProviderTable } from '../../providers/index.ts';
import type { LoginTarget } from '../../providers/seam/login.ts';
import { actionMetadata } from './action-metadata.ts';
import { readRegistriesTargets } from './registries.ts';
import { readRegistryHost, readTargetForHost } from './registry-target.ts';

export interface LoginInputs {
  /** One login per registry: the `registries` hosts in order, else the one `registry`/`provider` names. */
  targets: NonEmpty<LoginTarget>;
  /** Remove the logins in the post step (`logout`). */
  logout: boolean;
  /** Also set the `password` output, masked (`output-password`). */
  outputPassword: boolean;
}

/** Reads and checks every login input; InputError names the input and the rule. */
export function readLoginInputs(
  reader: InputReader = new InputReader(),
  providers: ProviderTable = PROVIDERS,
): LoginInputs {
  // Secrets first, so they are masked before anything can print them.
  const password = reader.secret('password');
  checkDeclaredInputs(reader, actionMetadata, { refuse: false });
  const logout = reader.boolean('logout', { default: true });
  const outputPassword = reader.boolean('output-password', { default: false });
  const hosts = reader.list('registries');
  if (!isNonEmpty(hosts)) {
    const registry = readRegistryHost('registry', reader.optional('registry'));
    return { logout, outputPassword, targets: [readTargetForHost(reader, registry, password, providers)] };
  }
  const targets = readRegistriesTargets(reader, hosts, password, providers);
  if (outputPassword && targets.length > 1) {
    throw new InputError(
      ['output-password', 'registries'],
      "Input 'output-password' is true, but 'registries' names several registries and the password output " +
        'holds one password; log in to the one whose password you need in a step of its own.',
    );
  }
  return { logout, outputPassword, targets };
}
