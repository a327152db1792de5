import { describe, expect, it } from 'vitest';
import { readEnsureNamespaceInputs } from '../../../src/actions/ensure-namespace/inputs.ts';
import { InputReader } from '../../../src/core/action/input-reader.ts';
import { inputErrorOf } from '../../support/input-error.ts';

const swrBase = { provider: 'swr', region: 'cn-north-4', 'access-key-id': 'AK1', 'secret-access-key': 'SK1' };
const ccrBase = { provider: 'ccr', region: 'bj', 'access-key-id': 'AK1', 'secret-access-key': 'SK1' };

const read = (inputs: Record<string, string>) =>
  readEnsureNamespaceInputs(
    InputReader.fromRecord({ ...(inputs.provider === 'ccr' ? ccrBase : swrBase), ...inputs }),
  );

const inputError = (inputs: Record<string, string>) => inputErrorOf(() => read(inputs));

describe('readEnsureNamespaceInputs', () => {
  it('reads a full SWR declaration', () => {
    const inputs = read({
      provider: 'swr',
      namespace: 'team',
      repositories: 'app visibility=public\n# comment\ntools/cli',
      permissions: 'bob read id=u-bob',
      'prune-permissions': 'true',
      'check-only': 'true',
    });
    expect(inputs).toMatchObject({
      provider: 'swr',
      namespace: 'team',
      state: 'present',
      target: {
        repositories: [{ name: 'app', isPublic: true }, { name: 'tools/cli' }],
        permissions: [{ userName: 'bob', userId: 'u-bob', level: 1 }],
        prunePermissions: true,
      },
      checkOnly: true,
      dryRun: false,
      force: false,
    });
    expect(inputs.target).not.toHaveProperty('isPublic');
  });

  it('names the namespace rule that broke', () => {
    const error = inputError({ namespace: 'Team--x' });
    expect(error.inputs).toEqual(['namespace']);
    expect(error.message).toBe(
      `Input 'namespace' "Team--x" is not an SWR organization (namespace) name: it may contain only ` +
        'lowercase letters, digits, ".", "_" and "-", got "T"; it must start with a lowercase letter; ' +
        'it has "--": separators (._-) may not stand next to each other, except "__".',
    );
  });

  it('applies the CCR rules for provider ccr', () => {
    expect(read({ provider: 'ccr', namespace: '1team' }).namespace).toBe('1team');
    expect(inputError({ provider: 'ccr', namespace: '123' }).message).toContain(
      'must not consist of digits only',
    );
  });

  it('requires a namespace', () => {
    expect(inputError({}).message).toBe("Input 'namespace' is required but was empty.");
  });

  it('refuses SWR-only inputs for ccr, and public for swr', () => {
    expect(inputError({ provider: 'ccr', namespace: 'team', repositories: 'app' })).toMatchObject({
      inputs: ['repositories'],
      message: "Input 'repositories' applies to provider swr only; remove it for ccr.",
    });
    expect(
      inputError({ provider: 'ccr', namespace: 'team', repositories: 'app', 'prune-permissions': 'true' })
        .message,
    ).toBe("Inputs 'repositories' and 'prune-permissions' apply to provider swr only; remove them for ccr.");
    expect(inputError({ namespace: 'team', public: 'true' })).toMatchObject({
      inputs: ['public'],
      message: expect.stringMatching(/^Input 'public' applies to CCR namespaces/),
    });
  });

  it('refuses declarations with state: absent, and force without it', () => {
    expect(inputError({ namespace: 'team', state: 'absent', repositories: 'app' })).toMatchObject({
      inputs: ['state', 'repositories'],
      message:
        "Input 'state' is absent, which deletes the namespace, so 'repositories' cannot be declared with it.",
    });
    expect(inputError({ namespace: 'team', force: 'true' })).toMatchObject({
      inputs: ['force', 'state'],
      message: "Input 'force' only applies with state: absent (it deletes repositories first).",
    });
    expect(
      inputError({ provider: 'ccr', namespace: 'team', state: 'absent', 'instance-id': 'ccr-1abc' }),
    ).toMatchObject({
      inputs: ['state', 'instance-id'],
      message: expect.stringMatching(/^Input 'state' is absent, which is supported for SWR and CCR personal/),
    });
  });

  it('reads public for CCR as a boolean and rejects other words', () => {
    expect(read({ provider: 'ccr', namespace: 'team', public: 'true' }).target).toMatchObject({
      isPublic: true,
    });
    expect(inputError({ provider: 'ccr', namespace: 'team', public: 'maybe' }).message).toBe(
      'Input \'public\' must be true or false, got "maybe".',
    );
  });
});
