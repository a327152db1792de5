// Rendered with micromark and its GFM extension (an independent CommonMark/GFM implementation).
import fc from 'fast-check';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import { code, codeCell, type Markdown, md, summaryHeading } from '../../../src/core/output/markdown.ts';

const render = (markdown: Markdown) =>
  micromark(markdown.text, { extensions: [gfm()], htmlExtensions: [gfmHtml()] });

const HOSTILE = [
  '<img src=x onerror=alert(1)>',
  '</details><h1>owned</h1>',
  '[click](https://evil.example)',
  '![img](https://evil.example/x.png)',
  'https://evil.example/path www.evil.example mail@evil.example',
  '`</code><b>bold</b>`',
  '``double``',
  '*em* _em_ **strong** ~~del~~',
  '# heading',
  'a | b | c',
  'line\n## second',
  '&lt;entity&gt; &amp;',
  '\\`escaped',
];

/** Text content of the rendered HTML (tags removed, entities decoded). */
function textOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

describe('summary Markdown', () => {
  it.each(HOSTILE)('renders %j as plain text in a paragraph, no markup', (value) => {
    const html = render(md`Value: ${value}`);
    expect(html).toMatch(/^<p>Value: [\s\S]*<\/p>$/);
    expect(html.replace(/^<p>|<\/p>$/g, '')).not.toMatch(/<[a-z/]/i);
    expect(textOf(html)).toBe(`Value: ${value.replace('\n', '\\n')}`);
  });

  it.each(HOSTILE)('renders %j in a code span exactly, nothing rendered inside', (value) => {
    const html = render(md`Value: ${code(value)}`);
    const inside = html.match(/^<p>Value: <code>([\s\S]*)<\/code><\/p>$/);
    expect(inside, html).not.toBeNull();
    expect(textOf(inside![1]!)).toBe(value.replace('\n', '\\n'));
  });

  it.each(HOSTILE)('keeps %j inside its own table cell, as text and as code', (value) => {
    const html = render(md`| a | b | c |\n|---|---|---|\n| ${value} | ${codeCell(value)} | end |`);
    const cells = [...html.matchAll(/<td>([\s\S]*?)<\/td>/g)].map((match) => match[1]!);
    expect(cells).toHaveLength(3);
    expect(textOf(cells[0]!)).toBe(value.replace('\n', '\\n'));
    expect(cells[1]).toMatch(/^<code>[^<]*<\/code>$/);
    expect(textOf(cells[1]!)).toBe(value.replace('\n', '\\n'));
    expect(cells[2]).toBe('end');
  });

  it('any text stays one text paragraph and any code span shows its value', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-ascii' }), (value) => {
        const shownValue = value.replace(/\n/g, '\\n');
        const text = render(md`x ${value} y`);
        expect(text.replace(/^<p>|<\/p>$/g, '')).not.toMatch(/<[a-z/]/i);
        const span = render(md`x ${code(`a${value}`)} y`);
        expect(span.match(/<code>([^<]*)<\/code>/)?.[1]).toBeDefined();
        expect(textOf(span.match(/<code>([^<]*)<\/code>/)![1]!)).toBe(`a${shownValue}`);
      }),
    );
  });
});

describe('summaryHeading', () => {
  it('writes the action name as is and escapes the subject', () => {
    expect(render(summaryHeading('sync-whitelist', '<b>ccr-1</b>')).trim()).toBe(
      '<h2>sync-whitelist: &lt;b&gt;ccr-1&lt;/b&gt;</h2>',
    );
  });

  it('refuses a name that is not an action name', () => {
    expect(() => summaryHeading('login\n# x', 'a')).toThrow('Not an action name');
  });
});
