const EXCERPT_LENGTH = 200;

/** A short one-line view of a response body: HTML tags dropped, whitespace collapsed, cut at 200 chars. */
export function bodyExcerpt(text: string, contentType: string | undefined): string {
  const looksHtml = /html/i.test(contentType ?? '') || /^\s*</.test(text);
  const plain = (looksHtml ? stripHtml(text) : text).replace(/\s+/g, ' ').trim();
  return plain.length > EXCERPT_LENGTH ? `${plain.slice(0, EXCERPT_LENGTH)}…` : plain;
}

function stripHtml(html: string): string {
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
}
