// The login action's inputs: parsed and checked here, before any API call.
import { InputReader } from '../../core/action/input-reader.ts';
import { checkDeclaredInputs } from '../../core/action/undeclared-inputs.ts';
import { registryKey } from '../../core/docker/registry-host.ts';
import { InputError } from '../../core/errors/errors.ts';
import { chooseProvider, PROVIDERS, type ProviderTable } from '../../providers/index.ts';
import type { LoginTarget } from '../../providers/seam/login.ts';
import { actionMetadata } from './action-metadata.ts';

export interface LoginInputs {
  /** The provider's login, read from its inputs. */
  target: LoginTarget;
  /** Remove the login in the post step (`logout`). */
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
  const provider = chooseProvider(reader, 'login', { action: 'login', table: providers });
  const registry = readRegistry(reader);
  const logout = reader.boolean('logout', { default: true });
  const outputPassword = reader.boolean('output-password', { default: false });
  return { logout, outputPassword, target: provider.login.readTarget(reader, { registry, password }) };
}

function readRegistry(reader: InputReader): string | undefined {
  const text = reader.optional('registry');
  if (text === undefined) return undefined;
  const key = registryKey(text);
  if (key === undefined) {
    throw new InputError(
      'registry',
      `Input 'registry' must be a registry host such as swr.cn-north-4.myhuaweicloud.com or ` +
        `registry.example.com:5000 (no path), got "${text}".`,
    );
  }
  return key;
}
