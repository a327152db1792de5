// What the CLI prints on stdout: env lines a shell sources, or one JSON object; nothing raw a terminal acts on.
import { describe, expect, it } from 'vitest';
import { envLines, jsonLine } from '../../src/cli/output-format.ts';
import { sourced } from '../harness/cli.ts';
import { hostileText, runnerCommands } from '../quality/support/runner-commands.ts';

const results = (outputs: Record<string, string>, exported: Record<string, string> = {}) => ({
  outputs: new Map(Object.entries(outputs)),
  exported: new Map(Object.entries(exported)),
});

describe('envLines', () => {
  it('prints outputs as variables and an exported variable once, with export', () => {
    const lines = envLines(
      results(
        { registry: 'swr.example.com', 'docker-config': '/tmp/d', changes: '[{"a":"b c"}]' },
        { DOCKER_CONFIG: '/tmp/d' },
      ),
    );
    expect(lines).toBe('REGISTRY=swr.example.com\nCHANGES=\'[{"a":"b c"}]\'\nexport DOCKER_CONFIG=/tmp/d\n');
    expect(sourced(lines, false)).toEqual({ DOCKER_CONFIG: '/tmp/d' });
    expect(sourced(lines, true)).toEqual({
      REGISTRY: 'swr.example.com',
      CHANGES: '[{"a":"b c"}]',
      DOCKER_CONFIG: '/tmp/d',
    });
  });

  it('keeps a hostile value exact for the shell and inert on the terminal', () => {
    const value = hostileText('user');
    const lines = envLines(results({ username: value }));
    expect(lines).not.toMatch(/[\u001b\r]/);
    expect(lines.split('\n')).toHaveLength(2);
    expect(runnerCommands(lines)).toEqual([]);
    expect(sourced(lines, true)).toEqual({ USERNAME: value });
  });
});

describe('jsonLine', () => {
  it('prints outputs and exported variables as one JSON line with hidden characters escaped', () => {
    const value = `a\u009b31mb\u202ec\u2028d${hostileText('x')}`;
    const line = jsonLine(results({ username: value }, { DOCKER_CONFIG: '/d' }));
    expect(line.endsWith('\n')).toBe(true);
    expect(line.trimEnd()).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u202e]/);
    expect(runnerCommands(line)).toEqual([]);
    expect(JSON.parse(line)).toEqual({ outputs: { username: value }, env: { DOCKER_CONFIG: '/d' } });
  });
});
