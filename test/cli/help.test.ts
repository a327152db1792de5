// --help comes from each action.yml: read here with a YAML parser, not through the generated metadata.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CLI_ACTIONS } from '../../src/cli/actions.ts';
import { actionHelp, wrap } from '../../src/cli/help.ts';
import { repoRoot } from '../harness/runner.ts';

interface ActionYaml {
  description: string;
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  outputs: Record<string, { description: string }>;
}

const squeeze = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('registry-actions <action> --help', () => {
  it.each(Object.keys(CLI_ACTIONS))(
    '%s lists every input with its default and variable, and every output',
    (name) => {
      const yaml = parse(readFileSync(join(repoRoot, 'actions', name, 'action.yml'), 'utf8')) as ActionYaml;
      const action = CLI_ACTIONS[name]!;
      const help = actionHelp(action.metadata, action.post !== undefined);
      const flat = squeeze(help);
      expect(flat).toContain(squeeze(yaml.description));
      for (const [input, spec] of Object.entries(yaml.inputs)) {
        const line = help.split('\n').find((candidate) => candidate.startsWith(`  --${input} `));
        expect(line, input).toBeDefined();
        if (spec.required) expect(line).toContain('required');
        // A GitHub expression (${{ github.token }}) has no value outside a runner.
        if (spec.default?.includes('${{')) expect(line).toContain(`default on GitHub only: ${spec.default}`);
        else if (spec.default) expect(line).toContain(`default: ${spec.default}`);
        expect(line).toContain(`env: REGISTRY_ACTIONS_${input.toUpperCase().replace(/-/g, '_')}`);
        expect(flat).toContain(squeeze(spec.description));
      }
      for (const [output, spec] of Object.entries(yaml.outputs ?? {})) {
        expect(help).toContain(`  ${output.toUpperCase().replace(/-/g, '_')}   (json: outputs.${output})`);
        expect(flat).toContain(squeeze(spec.description));
      }
      expect(help.includes('--post')).toBe(action.post !== undefined);
    },
  );

  it('marks secrets with their file and variable forms', () => {
    const help = squeeze(actionHelp(CLI_ACTIONS.login!.metadata, true));
    expect(help).toContain(
      'Secret: give it with --secret-access-key-file or REGISTRY_ACTIONS_SECRET_ACCESS_KEY, not as a plain flag',
    );
  });

  it('wraps at 100 columns without losing a word', () => {
    const text = 'word '.repeat(60).trim();
    const wrapped = wrap(text, '  ');
    expect(Math.max(...wrapped.split('\n').map((line) => line.length))).toBeLessThanOrEqual(100);
    expect(squeeze(wrapped)).toBe(text);
  });
});
