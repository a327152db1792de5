// The command line: flags named after each action.yml's inputs, the CLI's options, and nothing else.
import { describe, expect, it } from 'vitest';
import { CLI_ACTIONS } from '../../src/cli/actions.ts';
import { CLI_OPTIONS, type Command, parseArguments } from '../../src/cli/arguments.ts';
import { UsageError } from '../../src/cli/usage-error.ts';

const parse = (...argv: string[]): Command =>
  parseArguments(argv, (name) => CLI_ACTIONS[name]!.metadata, Object.keys(CLI_ACTIONS));

const run = (...argv: string[]) => {
  const command = parse(...argv);
  if (command.kind !== 'run') throw new Error(`not a run: ${command.kind}`);
  return command;
};

describe('parseArguments', () => {
  it('reads --input value, --input=value, repeated flags and --input-file', () => {
    const command = run(
      'prune-tags',
      '--namespace',
      'team',
      '--repositories=app',
      '--keep',
      '^latest$',
      '--keep',
      '^v\\d+$',
      '--secret-access-key-file',
      '/run/secrets/sk',
    );
    expect(command.action).toBe('prune-tags');
    expect(command.inputs).toEqual([
      { input: 'namespace', value: 'team' },
      { input: 'repositories', value: 'app' },
      { input: 'keep', value: '^latest$' },
      { input: 'keep', value: '^v\\d+$' },
      { input: 'secret-access-key', file: '/run/secrets/sk' },
    ]);
    expect(command.options).toEqual({ format: 'env', post: false, debug: false, help: false });
  });

  it('takes a bare true/false input as true, and a value after it', () => {
    expect(run('prune-tags', '--dry-run', '--keep-last', '3').inputs).toEqual([
      { input: 'dry-run', value: 'true' },
      { input: 'keep-last', value: '3' },
    ]);
    expect(run('prune-tags', '--dry-run', 'false').inputs).toEqual([{ input: 'dry-run', value: 'false' }]);
    expect(run('prune-tags', '--dry-run').inputs).toEqual([{ input: 'dry-run', value: 'true' }]);
  });

  it('reads the options, and logout as login --post', () => {
    expect(run('sync-whitelist', '--post', '--state-file', 's.json', '--format', 'json').options).toEqual({
      format: 'json',
      stateFile: 's.json',
      post: true,
      debug: false,
      help: false,
    });
    expect(run('logout')).toMatchObject({ action: 'login', options: { post: true } });
    expect(parse()).toEqual({ kind: 'help' });
    expect(parse('--version')).toEqual({ kind: 'version' });
    expect(run('login', '--help').options.help).toBe(true);
  });

  it.each([
    [['prune-tags', '--dry_run'], '--dry_run is not an input of prune-tags; did you mean --dry-run?'],
    [
      ['prune-tags', '--keeplast', '3'],
      '--keeplast is not an input of prune-tags; did you mean --keep-last?',
    ],
    [['login', '--stat-file', 'x'], '--stat-file is not an input of login; did you mean --state-file?'],
    [['prune', '--x'], "'prune' is not an action of registry-actions; did you mean 'prune-tags'?"],
    [['login', 'swr'], "'swr' is not a flag: give values as --<input> <value>."],
    [['login', '--region'], '--region needs a value: --region <value> or --region=<value>.'],
    [['login', '--format', 'yaml'], '--format must be env or json, got "yaml".'],
    [['login', '--post=yes'], '--post takes no value.'],
    [
      ['--provider', 'swr'],
      "'--provider' comes before the action: registry-actions <action> [--<input> <value>]…",
    ],
  ])('refuses %j: %s', (argv, message) => {
    expect(() => parse(...argv)).toThrow(new UsageError(message));
  });

  it('has no input named like an option or like another input with -file', () => {
    for (const { metadata } of Object.values(CLI_ACTIONS)) {
      const inputs = Object.keys(metadata.inputs);
      expect(inputs.filter((input) => input in CLI_OPTIONS)).toEqual([]);
      expect(inputs.filter((input) => inputs.includes(`${input}-file`))).toEqual([]);
    }
  });
});
