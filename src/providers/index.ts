// The provider table, and the one lookup each action makes in it.
import type { InputReader } from '../core/action/input-reader.ts';
import { InputError } from '../core/errors/errors.ts';
import { eitherOf } from '../core/text/either-of.ts';
import { ccrProvider } from './ccr/index.ts';
import type { Capability, ProviderTable, ProviderWith } from './seam/provider.ts';
import { swrProvider } from './swr/index.ts';

export type { ProviderTable } from './seam/provider.ts';

/** Every registry family the actions ship with; the `provider` input picks one by name. */
export const PROVIDERS: ProviderTable = [swrProvider, ccrProvider];

export interface ProviderChoice {
  /** The action choosing, for messages. */
  action: string;
  /** The providers to choose from (tests add their own). */
  table?: ProviderTable;
  /** An empty `provider` input means the first provider that offers the capability. */
  optional?: boolean;
}

/**
 * The provider the `provider` input names, among those of the table that offer `capability`: the one
 * place an action picks its provider. An unknown name, or one without the capability, is an InputError.
 */
export function chooseProvider<K extends Capability>(
  reader: InputReader,
  capability: K,
  choice: ProviderChoice,
): ProviderWith<K> {
  const able = (choice.table ?? PROVIDERS).filter((provider): provider is ProviderWith<K> =>
    Boolean(provider[capability]),
  );
  const text = reader.optional('provider');
  const [first] = able;
  if (text === undefined && choice.optional && first) return first;
  const match = able.find((provider) => provider.name === text?.toLowerCase());
  if (match) return match;
  const names = able.map((provider) => provider.name);
  // A required choice fails the usual way: "is required: one of …" or "must be one of …".
  if (!choice.optional) reader.oneOf('provider', names);
  const scopes = able.map((provider) => provider[capability].scope ?? provider.label);
  throw new InputError(
    'provider',
    `Input 'provider' must be ${eitherOf(names)} for ${choice.action} (${scopes.join(', ')} only), got "${text ?? ''}".`,
  );
}

/** A registry host one provider of the table recognizes, and the login inputs the host implies. */
export interface RecognizedRegistry {
  provider: ProviderWith<'login'>;
  /** `provider` and what the host says (region, instance-id…), by input name. */
  inputs: Readonly<Record<string, string>>;
}

/** The provider whose registry hosts include `host`; undefined for a host no provider recognizes. */
export function recognizeRegistry(
  host: string,
  table: ProviderTable = PROVIDERS,
): RecognizedRegistry | undefined {
  for (const provider of table) {
    if (!provider.login) continue;
    const inputs = provider.login.hostInputs(host);
    if (inputs)
      return { provider: provider as ProviderWith<'login'>, inputs: { provider: provider.name, ...inputs } };
  }
  return undefined;
}

/** Every registry host form the table's logins recognize, for messages. */
export function registryHostForms(table: ProviderTable = PROVIDERS): string[] {
  return table.flatMap((provider) => provider.login?.hostForms ?? []);
}
