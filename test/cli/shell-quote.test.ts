// Outputs as shell assignments: read back exactly by real shells (dash as /bin/sh, bash), one line each,
// with nothing a terminal or a runner reading stdout acts on printed raw.
import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shellAssignment, variableName } from '../../src/cli/shell-quote.ts';
import { hostileText } from '../quality/support/runner-commands.ts';

const assign = (value: string) => shellAssignment('V', value, { exported: false });

/** What `shell` assigns for each line, NUL-separated. */
function readBack(shell: string, lines: readonly string[]): string[] {
  const script = lines.map((line) => `${line}; printf '%s\\0' "$V"`).join('\n');
  const out = execFileSync(shell, ['-c', script], { encoding: 'utf8', env: { PATH: '/usr/bin:/bin' } });
  return out.split('\0').slice(0, -1);
}

const RAW_CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200b-\u200f]/u;

/** Well-formed strings (lone surrogates have no UTF-8 form a shell could hold). */
const text = fc.string({ unit: 'grapheme-composite', maxLength: 40 });
const controls = fc.string({
  unit: fc.constantFrom(
    '\u001b',
    '\r',
    '\n',
    '\t',
    "'",
    '"',
    '$',
    '`',
    '\\',
    '\u009b',
    '\u202e',
    '\u200b',
    'a',
    '0',
    ' ',
    '%',
    '-',
    '#',
    '[',
  ),
  maxLength: 30,
});

describe('shellAssignment', () => {
  it.each(['sh', 'bash'])('is read back by %s as exactly the value, for any text', (shell) => {
    const values = [
      ...fc.sample(fc.oneof(text, controls), { numRuns: 300, seed: 20 }),
      hostileText('value'),
      '',
      "it's",
      'line\n',
      '\n\n',
      '-n\u001b',
      'back\\slash\\c\u001b%d\u00011',
      '##[error]x',
      '\\##[\\',
    ];
    expect(readBack(shell, values.map(assign))).toEqual(values);
  });

  it('prints one line with no control character, invisible mark or runner command marker raw', () => {
    fc.assert(
      fc.property(
        fc.oneof(text, controls),
        (value) => !RAW_CONTROL.test(assign(value)) && !assign(value).includes('##['),
      ),
    );
    expect(assign('##[error]x')).toBe(`V="$(printf '%b_' '##\\0133error]x')"; V="\${V%_}"`);
    expect(assign(hostileText('v'))).not.toMatch(RAW_CONTROL);
  });

  it('leaves plain values as they are, quotes the rest, and spells out hidden characters', () => {
    expect(assign('swr.cn-north-4.myhuaweicloud.com')).toBe('V=swr.cn-north-4.myhuaweicloud.com');
    expect(shellAssignment('D', '/tmp/docker-config-AbC', { exported: true })).toBe(
      'export D=/tmp/docker-config-AbC',
    );
    expect(assign('[{"a":1}]')).toBe(`V='[{"a":1}]'`);
    expect(assign("it's")).toBe(`V='it'\\''s'`);
    expect(assign('')).toBe("V=''");
    expect(assign('a\u001bb\n')).toBe(`V="$(printf '%b_' 'a\\0033b\\0012')"; V="\${V%_}"`);
  });

  it('names variables as a shell needs them', () => {
    expect(variableName('docker-config')).toBe('DOCKER_CONFIG');
    expect(variableName('deleted-count')).toBe('DELETED_COUNT');
  });
});
