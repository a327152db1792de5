// The README's performance section is the table of the latest `npm run bench`: written between two
// marker comments, one row per figure with its value, target, and ok / short.
import { readFileSync, writeFileSync } from 'node:fs';
import type { BenchFigure } from './figures.ts';

export const TABLE_START = '<!-- bench table: written by npm run bench -->';
export const TABLE_END = '<!-- end of bench table -->';

function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

function valueText(figure: BenchFigure): string {
  return Number.isInteger(figure.value) ? String(figure.value) : figure.value.toFixed(3);
}

/** Markdown table of the figures, with the date and machine they were measured on. */
export function benchTable(figures: readonly BenchFigure[], measuredOn: string): string {
  const rows = figures.map((f) => {
    const verdict = f.met === undefined ? '' : f.met ? 'ok' : '**short**';
    return `| ${cell(f.name)} | ${valueText(f)} ${cell(f.unit)} | ${cell(f.target ?? '')} | ${verdict} |`;
  });
  return [
    `Measured ${measuredOn}.`,
    '',
    '| figure | measured | target | |',
    '|---|---|---|---|',
    ...rows,
  ].join('\n');
}

/** Replaces the table between the markers in `file`; false when the markers are missing. */
export function writeBenchTable(file: string, table: string): boolean {
  const text = readFileSync(file, 'utf8');
  const start = text.indexOf(TABLE_START);
  const end = text.indexOf(TABLE_END);
  if (start === -1 || end < start) return false;
  writeFileSync(file, `${text.slice(0, start + TABLE_START.length)}\n${table}\n${text.slice(end)}`);
  return true;
}
