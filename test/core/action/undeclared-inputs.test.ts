import { describe, expect, it } from 'vitest';
import { InputReader } from '../../../src/core/action/input-reader.ts';
import {
  checkDeclaredInputs,
  findUndeclaredInputs,
  undeclaredInputsMessage,
} from '../../../src/core/action/undeclared-inputs.ts';
import { InputError } from '../../../src/core/errors/errors.ts';

const declared = ['provider', 'region', 'keep-last', 'dry-run', 'max-deletions'];
const metadata = {
  name: 'prune-tags',
  description: 'prunes',
  inputs: Object.fromEntries(declared.map((name) => [name, { description: name, required: false }])),
  outputs: {},
};

describe('findUndeclaredInputs', () => {
  it('matches given names as the runner passes them: case-insensitive, spaces as underscores', () => {
    expect(findUndeclaredInputs(['provider', 'DRY-RUN', 'keep-last'], declared)).toEqual([]);
  });

  it('names each undeclared input with the nearest declared one', () => {
    expect(findUndeclaredInputs(['dry_run', 'keeplast', 'max-deletion', 'dry_run'], declared)).toEqual([
      { input: 'dry_run', closest: 'dry-run' },
      { input: 'keeplast', closest: 'keep-last' },
      { input: 'max-deletion', closest: 'max-deletions' },
    ]);
  });

  it('reads the given names from INPUT_* variables of the environment', () => {
    const reader = new InputReader(() => '', { INPUT_DRY_RUN: 'true', 'INPUT_KEEP-LAST': '3', INPUTS: 'x' });
    expect(reader.givenInputs()).toEqual(['dry_run', 'keep-last']);
    expect(findUndeclaredInputs(reader.givenInputs(), declared)).toEqual([
      { input: 'dry_run', closest: 'dry-run' },
    ]);
  });
});

describe('checkDeclaredInputs', () => {
  it('refuses an undeclared input in a destructive run, naming it and the declared one', () => {
    const reader = InputReader.fromRecord({ provider: 'swr', dry_run: 'true' });
    let error: unknown;
    try {
      checkDeclaredInputs(reader, metadata, { refuse: true, because: 'prune-tags deletes tags' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).inputs).toEqual(['dry_run']);
    expect((error as InputError).message).toContain(
      "'dry_run' is not an input of prune-tags; did you mean 'dry-run'?",
    );
    expect((error as InputError).message).toContain('Nothing was changed: prune-tags deletes tags');
  });

  it('lets a run with only declared inputs through', () => {
    const reader = InputReader.fromRecord({ provider: 'swr', 'dry-run': 'true' });
    expect(() => checkDeclaredInputs(reader, metadata, { refuse: true, because: 'x' })).not.toThrow();
  });

  it('only warns in a run that removes nothing', () => {
    const reader = InputReader.fromRecord({ dryrun: 'true' });
    expect(() => checkDeclaredInputs(reader, metadata, { refuse: false })).not.toThrow();
    expect(undeclaredInputsMessage('prune-tags', findUndeclaredInputs(['dryrun'], declared))).toBe(
      "Input 'dryrun' is not an input of prune-tags; did you mean 'dry-run'?",
    );
  });
});
