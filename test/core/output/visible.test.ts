import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { visible, visibleLines } from '../../../src/core/output/visible.ts';

/** The runner's two command forms: `::name…::` at a line start (after spaces), `##[name]` anywhere. */
function runnerWouldParse(line: string): boolean {
  return line.trimStart().startsWith('::') || line.includes('##[');
}

describe('visible', () => {
  it.each([
    ['tag\n::warning::fake', 'tag\\n::warning::fake'],
    ['a\r\nb', 'a\\r\\nb'],
    ['\u001b[31mred\u001b[0m', '\\e[31mred\\e[0m'],
    ['bell\u0007 del\u007f c1\u0085', 'bell\\x07 del\\x7f c1\\x85'],
    ['ls\u2028ps\u2029', 'ls\\u{2028}ps\\u{2029}'],
    ['rtl\u202eevil', 'rtl\\u{202e}evil'],
    ['tab\there', 'tab\\there'],
    ['::add-mask::x', '\\::add-mask::x'],
    ['  ::stop-commands::t', '  \\::stop-commands::t'],
    ['v ##[add-mask]x', 'v ##\\[add-mask]x'],
    ['plain v1.2.3-rc_1', 'plain v1.2.3-rc_1'],
    ['中文 ünïcode', '中文 ünïcode'],
  ])('shows %j as %j', (input, expected) => {
    expect(visible(input)).toBe(expected);
  });

  it('leaves no line break, control character or runner command in any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const out = visible(text);
        expect(out).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/);
        expect(runnerWouldParse(out)).toBe(false);
      }),
    );
  });

  it('is idempotent, so text escaped twice reads the same', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => visible(visible(text)) === visible(text)));
  });

  it('visibleLines keeps the line breaks it was given and guards each line', () => {
    expect(visibleLines('first\n::error::x\rmore')).toBe('first\n\\::error::x\\rmore');
  });
});
