// The shipped providers and the toy one: what the toy entries hand the actions as their `providers`.
import { PROVIDERS, type ProviderTable } from '../../../src/providers/index.ts';
import { toyProvider } from './provider.ts';

export const WITH_TOY: ProviderTable = [...PROVIDERS, toyProvider];
