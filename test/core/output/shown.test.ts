import { describe, expect, it } from 'vitest';
import { Shown, shown } from '../../../src/core/output/shown.ts';

describe('shown', () => {
  it('escapes every string value and keeps the literal text', () => {
    const tag = 'v1\n::add-mask::secret';
    expect(shown`delete ${tag} (${3} tags)`.text).toBe('delete v1\\n::add-mask::secret (3 tags)');
  });

  it('keeps text that is already shown, and its line breaks', () => {
    const inner = shown`line one\nline ${'two\n'}`;
    expect(shown`head\n${inner}`.text).toBe('head\nline one\nline two\\n');
    expect(Shown.join([shown`a`, shown`${'b\r'}`], '\n').text).toBe('a\nb\\r');
  });

  it('refuses to be called other than as a template tag', () => {
    const forged = ['raw\n::error::x'] as unknown as TemplateStringsArray;
    expect(() => shown(forged)).toThrow(TypeError);
  });
});
