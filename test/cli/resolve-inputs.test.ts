// Input values for a CLI run: flags, then files, then REGISTRY_ACTIONS_* variables, then action.yml defaults.
import { describe, expect, it } from 'vitest';
import { actionMetadata } from '../../src/actions/prune-tags/action-metadata.ts';
import { inputVariableName, resolveInputs } from '../../src/cli/resolve-inputs.ts';
import { UsageError } from '../../src/cli/usage-error.ts';

const files: Record<string, string> = { '/sk': 'from-file\n', '/keep': '^latest$\n^stable$\n' };
const readText = (path: string) => {
  const text = files[path];
  if (text === undefined) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
  return text;
};

describe('resolveInputs', () => {
  it('gives flags before files before variables before defaults', () => {
    const resolved = resolveInputs(
      actionMetadata,
      [
        { input: 'namespace', value: 'team' },
        { input: 'keep', file: '/keep' },
        { input: 'secret-access-key', file: '/sk' },
      ],
      {
        REGISTRY_ACTIONS_NAMESPACE: 'other',
        REGISTRY_ACTIONS_REGION: 'cn-north-4',
        REGISTRY_ACTIONS_KEEP_LAST: ' ',
      },
      readText,
    );
    expect(resolved.values.get('namespace')).toBe('team');
    expect(resolved.values.get('region')).toBe('cn-north-4');
    expect(resolved.values.get('keep')).toBe('^latest$\n^stable$\n');
    expect(resolved.values.get('secret-access-key')).toBe('from-file\n');
    expect(resolved.values.get('keep-last')).toBe('0');
    expect(resolved.values.get('include')).toBe('');
    // action.yml's default is ${{ github.token }}: only a runner evaluates it.
    expect(resolved.values.get('github-token')).toBe('');
    expect(resolved.given.sort()).toEqual(['keep', 'namespace', 'region', 'secret-access-key']);
    expect(resolved.plainSecrets).toEqual([]);
    expect([...resolved.values.keys()]).toEqual(Object.keys(actionMetadata.inputs));
  });

  it('joins repeated flags as lines and lists secrets given as plain flags', () => {
    const resolved = resolveInputs(
      actionMetadata,
      [
        { input: 'keep', value: 'a' },
        { input: 'keep', value: 'b' },
        { input: 'secret-access-key', value: 'sk' },
        { input: 'access-key-id', value: 'ak' },
      ],
      {},
      readText,
    );
    expect(resolved.values.get('keep')).toBe('a\nb');
    expect(resolved.plainSecrets).toEqual(['access-key-id', 'secret-access-key']);
  });

  it('refuses an unreadable file and both forms of one input', () => {
    expect(() => resolveInputs(actionMetadata, [{ input: 'keep', file: '/nope' }], {}, readText)).toThrow(
      new UsageError('--keep-file /nope cannot be read (ENOENT).'),
    );
    expect(() =>
      resolveInputs(
        actionMetadata,
        [
          { input: 'keep', file: '/keep' },
          { input: 'keep', value: 'x' },
        ],
        {},
        readText,
      ),
    ).toThrow(new UsageError('--keep and --keep-file are both given: give the value one way.'));
  });

  it('names the variables after the inputs', () => {
    expect(inputVariableName('secret-access-key')).toBe('REGISTRY_ACTIONS_SECRET_ACCESS_KEY');
    expect(inputVariableName('dry-run')).toBe('REGISTRY_ACTIONS_DRY_RUN');
  });
});
