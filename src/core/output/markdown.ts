// Job-summary Markdown: the project's own markup, with every value escaped so it reads as text. A value
// cannot start HTML, a link, an image, emphasis or a heading, close a code span or split a table cell.
import { fillTemplate } from './template.ts';
import { visible } from './visible.ts';

let make: (text: string) => Markdown;

/** Markdown whose values were all escaped; only `md`, `code`, `codeCell` and `Markdown.join` make one. */
export class Markdown {
  readonly text: string;

  private constructor(text: string) {
    this.text = text;
  }

  static {
    make = (text) => new Markdown(text);
  }

  /** Joins parts with a separator the project wrote (e.g. '\n'). */
  static join(parts: readonly Markdown[], separator: string): Markdown {
    return make(parts.map((part) => part.text).join(separator));
  }

  toString(): string {
    return this.text;
  }
}

/** What may stand in an `md` template: text (escaped), numbers, or Markdown already made. */
export type MarkdownValue = string | number | bigint | boolean | Markdown;

/** Tag for summary Markdown: md`| ${name} | ${count} |`; each string value goes through `markdownText`. */
export function md(parts: TemplateStringsArray, ...values: readonly MarkdownValue[]): Markdown {
  return make(fillTemplate('md', parts, values, markdownValue));
}

function markdownValue(value: MarkdownValue): string {
  if (value instanceof Markdown) return value.text;
  return typeof value === 'string' ? markdownText(value) : String(value);
}

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '@': '&#64;',
};

/**
 * Pure: text as literal Markdown inline content on one line. HTML's special characters become
 * entities, every other ASCII punctuation character is backslash-escaped (CommonMark §2.4), so no
 * markup, link, autolink or table pipe survives.
 */
function markdownText(value: string): string {
  return visible(value).replace(/[!-/:-@[-`{-~]/g, (char) => ENTITIES[char] ?? `\\${char}`);
}

/** A code span that shows `value` exactly; its fence is longer than any backtick run inside. */
export function code(value: string): Markdown {
  return make(codeSpan(visible(value)));
}

/** `code` for a table cell: a `|` inside is escaped too (GFM tables split cells before code spans). */
export function codeCell(value: string): Markdown {
  return make(codeSpan(visible(value)).replaceAll('|', '\\|'));
}

function codeSpan(content: string): string {
  if (content === '') return '';
  const longestRun = Math.max(0, ...(content.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  // CommonMark strips one space from each side when both are there: pad so the value survives as is.
  const pad = /^[` ]|[` ]$/.test(content) ? ' ' : '';
  return `${fence}${pad}${content}${pad}${fence}`;
}

/**
 * The first line of every action's job summary, so they all read alike: `## <action>: <subject>`; the
 * action's sections below it are `###` headings, its lists and tables plain Markdown.
 */
export function summaryHeading(action: string, subject: MarkdownValue): Markdown {
  // The action's own name, written as is: only lowercase letters and hyphens, nothing to escape.
  if (!/^[a-z]+(?:-[a-z]+)*$/.test(action)) throw new Error(`Not an action name: ${JSON.stringify(action)}`);
  return make(`## ${action}: ${markdownValue(subject)}`);
}
