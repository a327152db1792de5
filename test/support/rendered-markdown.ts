// What a reader of the job summary sees: the Markdown rendered as GitHub does (GFM, here by micromark)
// and written back as plain lines, tables as `| a | b |` (a pipe in a cell as \|), code as `x`, bold as
// **x**, headings as ## x.
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import type { Markdown } from '../../src/core/output/markdown.ts';

/** The rendered summary as lines of text. */
export function renderedMarkdown(markdown: Markdown | string): string {
  const source = typeof markdown === 'string' ? markdown : markdown.text;
  const html = micromark(source, {
    allowDangerousHtml: true,
    extensions: [gfm()],
    htmlExtensions: [gfmHtml()],
  });
  return html
    .replace(/<tr>\s*([\s\S]*?)\s*<\/tr>/g, (_, cells: string) => {
      // A pipe inside a cell is shown as \| so a row reads unambiguously.
      const texts = [...cells.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((match) =>
        match[1]!.trim().replaceAll('|', '\\|'),
      );
      return `| ${texts.join(' | ')} |`;
    })
    .replace(/<code>([\s\S]*?)<\/code>/g, '`$1`')
    .replace(/<strong>([\s\S]*?)<\/strong>/g, '**$1**')
    .replace(/<h([1-6])>/g, (_, level: string) => `${'#'.repeat(Number(level))} `)
    .replace(/<li>/g, '- ')
    .replace(/<(?!\/?(details|summary)\b)[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\n{2,}/g, '\n')
    .trim();
}
