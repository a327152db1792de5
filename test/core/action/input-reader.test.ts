import { describe, expect, it } from 'vitest';
import { InputReader } from '../../../src/core/action/input-reader.ts';
import { InputError } from '../../../src/core/errors/errors.ts';
import { inputErrorOf } from '../../support/input-error.ts';

const reader = (inputs: Record<string, string>, env: NodeJS.ProcessEnv = {}) =>
  InputReader.fromRecord(inputs, env);

describe('InputReader', () => {
  it('rejects a non-number with a message naming the input and the rule', () => {
    const error = inputErrorOf(() => reader({ 'keep-last': 'ten' }).integer('keep-last', { min: 0 }));
    expect(error.inputs).toEqual(['keep-last']);
    expect(error.message).toBe(`Input 'keep-last' must be a whole number ≥ 0, got "ten".`);
  });

  it('enforces integer ranges and uses defaults only for empty inputs', () => {
    expect(reader({}).integer('duration', { min: 1, max: 24, default: 1 })).toBe(1);
    expect(reader({ duration: '24' }).integer('duration', { min: 1, max: 24 })).toBe(24);
    expect(
      inputErrorOf(() => reader({ duration: '25' }).integer('duration', { min: 1, max: 24 })).message,
    ).toBe(`Input 'duration' must be a whole number from 1 to 24, got "25".`);
    expect(() => reader({ duration: '-1' }).integer('duration', { min: 0 })).toThrow(InputError);
    expect(() => reader({ duration: '1.5' }).integer('duration', { min: 0 })).toThrow(InputError);
  });

  it('parses booleans strictly', () => {
    expect(reader({ 'dry-run': 'TRUE' }).boolean('dry-run', { default: false })).toBe(true);
    expect(reader({ 'dry-run': 'false' }).boolean('dry-run', { default: true })).toBe(false);
    expect(reader({}).boolean('dry-run', { default: true })).toBe(true);
    expect(
      inputErrorOf(() => reader({ 'dry-run': 'maybe' }).boolean('dry-run', { default: false })).message,
    ).toBe(`Input 'dry-run' must be true or false, got "maybe".`);
  });

  it('accepts only the listed choices, case-insensitively', () => {
    expect(reader({ provider: 'SWR' }).oneOf('provider', ['swr', 'ccr'])).toBe('swr');
    expect(inputErrorOf(() => reader({ provider: 'ecr' }).oneOf('provider', ['swr', 'ccr'])).message).toBe(
      `Input 'provider' must be one of swr, ccr, got "ecr".`,
    );
    expect(inputErrorOf(() => reader({}).oneOf('provider', ['swr', 'ccr'])).message).toContain('is required');
  });

  it('splits lists on lines and commas, dropping blanks and comments', () => {
    const value = 'app, web\n\n# a comment\n  tools/build  \n';
    expect(reader({ repositories: value }).list('repositories')).toEqual(['app', 'web', 'tools/build']);
    expect(reader({ entries: value }).lines('entries')).toEqual(['app, web', 'tools/build']);
    expect(() => reader({ repositories: ' \n' }).list('repositories', { required: true })).toThrow(
      InputError,
    );
  });

  it('falls back to environment variables after the input', () => {
    const env = { HUAWEICLOUD_SDK_AK: 'AK-FROM-ENV' };
    expect(reader({}, env).secret('access-key-id', ['HUAWEICLOUD_SDK_AK'])).toBe('AK-FROM-ENV');
    expect(reader({ 'access-key-id': 'AK-INPUT' }, env).secret('access-key-id', ['HUAWEICLOUD_SDK_AK'])).toBe(
      'AK-INPUT',
    );
    expect(reader({}, {}).withEnv('region', ['HUAWEICLOUD_REGION'])).toBeUndefined();
  });

  it('requires non-empty strings unless told otherwise', () => {
    expect(inputErrorOf(() => reader({}).string('namespace')).message).toBe(
      `Input 'namespace' is required but was empty.`,
    );
    expect(reader({}).string('namespace', { required: false })).toBe('');
    expect(reader({}).string('region', { default: 'cn-north-4' })).toBe('cn-north-4');
  });

  it('gives a view where implied values fill empty inputs and hidden inputs read as empty', () => {
    const base = reader(
      { region: '', username: 'ci', duration: '3', 'instance-id': 'ccr-given' },
      { BCE_ACCESS_KEY_ID: 'AK' },
    );
    const view = base.view({ implied: { region: 'bj', 'instance-id': 'ccr-implied' }, hidden: ['duration'] });
    expect(view.string('region')).toBe('bj');
    expect(view.string('instance-id')).toBe('ccr-given');
    expect(view.optional('duration')).toBeUndefined();
    expect(view.optional('username')).toBe('ci');
    expect(view.withEnv('access-key-id', ['BCE_ACCESS_KEY_ID'])).toBe('AK');
    expect(view.givenInputs().sort()).toEqual(['instance-id', 'region', 'username']);
  });
});
