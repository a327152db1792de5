import { describe, expect, it } from 'vitest';
import { bodyExcerpt } from '../../../src/core/http/body-excerpt.ts';

describe('bodyExcerpt', () => {
  it('drops HTML tags, scripts and extra whitespace', () => {
    const html =
      '<html><head><style>p{}</style><script>var a=1</script></head>\n<body><p>Bad&nbsp;Gateway</p>  &amp; more</body></html>';
    expect(bodyExcerpt(html, 'text/html; charset=utf-8')).toBe('Bad Gateway & more');
  });

  it('keeps plain text as it is, on one line', () => {
    expect(bodyExcerpt('upstream\n  connect error', 'text/plain')).toBe('upstream connect error');
  });

  it('cuts long bodies at 200 characters', () => {
    const excerpt = bodyExcerpt('x'.repeat(500), undefined);
    expect(excerpt).toBe(`${'x'.repeat(200)}…`);
  });
});
