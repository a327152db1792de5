// The inputs the bundles import (src/actions/<name>/action-metadata.ts) are action.yml's, and an input
// the step leaves empty is read exactly like the default the runner would pass from action.yml.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { actionMetadata } from '../../scripts/action-metadata.ts';
import { actionMetadata as ensureMetadata } from '../../src/actions/ensure-namespace/action-metadata.ts';
import { readEnsureNamespaceInputs } from '../../src/actions/ensure-namespace/inputs.ts';
import { actionMetadata as loginMetadata } from '../../src/actions/login/action-metadata.ts';
import { readLoginInputs } from '../../src/actions/login/inputs.ts';
import { actionMetadata as pruneMetadata } from '../../src/actions/prune-tags/action-metadata.ts';
import { readPruneInputs } from '../../src/actions/prune-tags/inputs.ts';
import { actionMetadata as syncMetadata } from '../../src/actions/sync-whitelist/action-metadata.ts';
import { readSyncWhitelistInputs } from '../../src/actions/sync-whitelist/inputs.ts';
import type { ActionMetadata } from '../../src/core/action/action-metadata.ts';
import { InputReader } from '../../src/core/action/input-reader.ts';

const root = join(import.meta.dirname, '../..');
const hw = { 'access-key-id': 'HWTESTAK0000000000001', 'secret-access-key': 'hw-test-secret-key' };
const bce = { 'access-key-id': 'bce-test-ak', 'secret-access-key': 'bce-test-sk' };

function defaultsOf(metadata: ActionMetadata): Record<string, string> {
  return Object.fromEntries(
    Object.entries(metadata.inputs).map(([name, input]) => [name, input.default ?? '']),
  );
}

interface Case {
  name: string;
  metadata: ActionMetadata;
  read: (reader: InputReader) => unknown;
  given: Record<string, string>;
}

const cases: Case[] = [
  {
    name: 'login on SWR',
    metadata: loginMetadata,
    read: readLoginInputs,
    given: { provider: 'swr', region: 'cn-north-4', ...hw },
  },
  {
    name: 'login on CCR enterprise',
    metadata: loginMetadata,
    read: readLoginInputs,
    given: { provider: 'ccr', region: 'bj', 'instance-id': 'ccr-4k74gw7d', 'user-id': 'user-id-1', ...bce },
  },
  {
    name: 'login on CCR personal',
    metadata: loginMetadata,
    read: readLoginInputs,
    given: { provider: 'ccr', username: 'team', password: 'personal-password' },
  },
  {
    name: 'ensure-namespace on SWR',
    metadata: ensureMetadata,
    read: readEnsureNamespaceInputs,
    given: { provider: 'swr', region: 'cn-north-4', namespace: 'team', ...hw },
  },
  {
    name: 'ensure-namespace on CCR',
    metadata: ensureMetadata,
    read: readEnsureNamespaceInputs,
    given: { provider: 'ccr', region: 'bj', namespace: 'team', ...bce },
  },
  {
    name: 'prune-tags on SWR',
    metadata: pruneMetadata,
    read: readPruneInputs,
    // prune-tags needs one rule that says what to delete (keep-last, older-than or include).
    given: {
      provider: 'swr',
      region: 'cn-north-4',
      namespace: 'team',
      repositories: 'app',
      'older-than': '30d',
      ...hw,
    },
  },
  {
    name: 'prune-tags on CCR enterprise',
    metadata: pruneMetadata,
    read: readPruneInputs,
    given: {
      provider: 'ccr',
      region: 'bj',
      'instance-id': 'ccr-4k74gw7d',
      username: 'ci',
      namespace: 'team',
      repositories: 'app',
      'older-than': '30d',
      ...bce,
    },
  },
  {
    name: 'sync-whitelist on CCR enterprise',
    metadata: syncMetadata,
    read: (reader) => readSyncWhitelistInputs(reader, {}),
    given: { region: 'bj', 'instance-id': 'ccr-4k74gw7d', ...bce },
  },
];

describe('action metadata', () => {
  const generated: Record<string, ActionMetadata> = {
    login: loginMetadata,
    'ensure-namespace': ensureMetadata,
    'prune-tags': pruneMetadata,
    'sync-whitelist': syncMetadata,
  };
  it.each(Object.keys(generated))('the metadata %s imports is what its action.yml declares', (name) => {
    const metadata = generated[name];
    const yaml = readFileSync(join(root, 'actions', name, 'action.yml'), 'utf8');
    expect(metadata).toEqual(actionMetadata(name, yaml));
  });

  it.each(cases)(
    '$name: an input left empty means what its action.yml default means',
    ({ metadata, read, given }) => {
      const withDefaults = read(InputReader.fromRecord({ ...defaultsOf(metadata), ...given }));
      const empty = read(InputReader.fromRecord(given));
      expect(withDefaults).toEqual(empty);
    },
  );

  it.each(cases)(
    '$name: the defaults of every input are valid with only the needed inputs',
    ({ metadata, read, given }) => {
      expect(() => read(InputReader.fromRecord({ ...defaultsOf(metadata), ...given }))).not.toThrow();
    },
  );
});
