// Generators for fuzzed action inputs: a valid base with some inputs replaced by values from a pool that
// mixes well-formed, almost well-formed and junk text; and the input names each action.yml declares.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse } from 'yaml';
import { repoRoot } from '../../harness/runner.ts';

/** The input names of actions/<action>/action.yml. */
export function actionInputNames(action: string): string[] {
  const text = readFileSync(join(repoRoot, 'actions', action, 'action.yml'), 'utf8');
  const doc: unknown = parse(text);
  const inputs = typeof doc === 'object' && doc !== null && 'inputs' in doc ? doc.inputs : undefined;
  return typeof inputs === 'object' && inputs !== null ? Object.keys(inputs) : [];
}

/** Values that sit near the rules of the actions' inputs: numbers, durations, booleans, names, addresses. */
const NEAR_MISSES = [
  '',
  ' ',
  'true',
  'false',
  'TRUE',
  'yes',
  '0',
  '-1',
  '1',
  '2',
  '24',
  '25',
  '33',
  '1e3',
  '1.5',
  'ten',
  '30d',
  '1w3d',
  '6h',
  '90m',
  '0s',
  '8d',
  'swr',
  'ccr',
  'SWR',
  'auto',
  'aksk',
  'password',
  'oidc',
  'present',
  'absent',
  'add',
  'sync',
  'remove',
  'sweep',
  'delete',
  'retention-policy',
  'open',
  'close',
  'keep',
  'public',
  'private',
  'cn-north-4',
  'bj',
  'ccr-emu00001',
  'ccr-',
  'team',
  'Team',
  'team--a',
  '9team',
  'web\napi',
  '*',
  '^latest$',
  '([',
  '198.51.100.7',
  '0.0.0.0/0',
  '10.0.0.1/8',
  '::ffff:1.2.3.4',
  '203.0.113.0/24 # office',
  '1.2.3.4 # (paren)',
  'bad/host',
  'host:99999',
  'vpc-1 sbn-1 ip=auto',
  'bob read id=u-bob',
  'web visibility=secret',
  '# only a comment',
  'a'.repeat(300),
];

/** One input value: mostly near misses, sometimes arbitrary text. */
export const inputValue: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NEAR_MISSES) },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
);

/** The base inputs with 1 to `most` of the given names replaced by fuzzed values. */
export function mutatedInputs(
  base: Record<string, string>,
  names: readonly string[],
  most = 3,
): fc.Arbitrary<Record<string, string>> {
  const change = fc.uniqueArray(fc.tuple(fc.constantFrom(...names), inputValue), {
    minLength: 1,
    maxLength: most,
    selector: ([name]) => name,
  });
  return change.map((pairs) => ({ ...base, ...Object.fromEntries(pairs) }));
}
