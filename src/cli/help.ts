// --help text, generated from each action.yml (through its action-metadata.ts): inputs with their
// defaults and environment variables, outputs with their variable names, and the CLI's own options.
import type { ActionMetadata } from '../core/action/action-metadata.ts';
import { isBooleanInput } from './arguments.ts';
import { cliDefault, inputVariableName } from './resolve-inputs.ts';
import { SECRET_INPUTS } from './secret-inputs.ts';
import { variableName } from './shell-quote.ts';

const WIDTH = 100;
const INDENT = '      ';

/** Words of `text` in lines of at most WIDTH columns, each starting with `indent`. */
export function wrap(text: string, indent: string = INDENT): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line !== '' && indent.length + line.length + 1 + word.length > WIDTH) {
      lines.push(indent + line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(indent + line);
  return lines.join('\n');
}

/** The overview: every action and the common options. */
export function generalHelp(actions: readonly ActionMetadata[], withPost: ReadonlySet<string>): string {
  return [
    'Usage: registry-actions <action> [--<input> <value>]… [--format env|json] [--post] [--state-file FILE]',
    '',
    'The registry-actions GitHub Actions, outside GitHub (GitLab CI, Jenkins, a shell): same inputs, defaults',
    'and checks as each action.yml declares. Outputs go to stdout, the log to stderr.',
    '',
    'Actions:',
    ...actions.flatMap((metadata) => [`  ${metadata.name}`, wrap(metadata.description, '      ')]),
    '  logout',
    wrap(`Same as login --post: undoes what login recorded in its state file.`, '      '),
    '',
    `Post steps (${[...withPost].join(', ')}): run the same action with --post (GitLab after_script, Jenkins`,
    'post { always }) to undo exactly what main recorded in its state file.',
    '',
    'registry-actions <action> --help lists its inputs and outputs. Exit codes: 0 done, 1 failed, 2 input',
    'error (nothing was called).',
    '',
  ].join('\n');
}

/** The help of one action. */
export function actionHelp(metadata: ActionMetadata, hasPost: boolean): string {
  const inputs = Object.entries(metadata.inputs).flatMap(([name, input]) => {
    const value = isBooleanInput(metadata, name) ? '[true|false]' : '<value>';
    const facts = [
      input.required ? 'required' : undefined,
      cliDefault(input.default) ? `default: ${input.default}` : undefined,
      input.default && !cliDefault(input.default) ? `default on GitHub only: ${input.default}` : undefined,
      `env: ${inputVariableName(name)}`,
    ].filter(Boolean);
    const secret = SECRET_INPUTS.has(name)
      ? ` Secret: give it with --${name}-file or ${inputVariableName(name)}, not as a plain flag (shell history).`
      : '';
    return [`  --${name} ${value}   (${facts.join('; ')})`, wrap(`${input.description}${secret}`)];
  });
  const outputs = Object.entries(metadata.outputs).flatMap(([name, output]) => [
    `  ${variableName(name)}   (json: outputs.${name})`,
    wrap(output.description),
  ]);
  return [
    `Usage: registry-actions ${metadata.name} [--<input> <value>]… [options]`,
    '',
    wrap(metadata.description, ''),
    '',
    'Inputs (--<input>-file FILE reads one from a file, - for stdin; a repeated flag gives several lines):',
    ...inputs,
    '',
    'Outputs (stdout):',
    ...(outputs.length > 0 ? outputs : ['  none']),
    '',
    'Options:',
    '  --format env|json   env (default): NAME=value lines to source; an exported variable as export NAME=value.',
    '                      json: {"outputs": {...}, "env": {...}} on one line.',
    '  --summary-file FILE append the job summary (Markdown) to FILE.',
    ...(hasPost
      ? [
          '  --post              run the post step: undo exactly what main recorded in the state file.',
          '  --state-file FILE   where main records what post undoes (0600); default:',
          '                      $TMPDIR/registry-actions-<uid>/<action>-<job>.state.json, <job> from CI_JOB_ID',
          '                      (GitLab), BUILD_TAG (Jenkins), else "shell".',
        ]
      : []),
    '  --debug             debug lines too.',
    '',
  ].join('\n');
}
