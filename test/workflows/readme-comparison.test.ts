// The README's comparison with other actions: every input or output it names in this project's column is
// declared by the action that column is about, and every table row has a cell for each action compared.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAction, repoRoot } from '../harness/action-definition.ts';

interface Table {
  header: string[];
  rows: string[][];
}

const cells = (line: string) =>
  line
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((cell) => cell.trim());

/** The Markdown tables of the README section `## Compared with other actions`. */
function comparisonTables(): Table[] {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  const section = readme.split('\n## Compared with other actions\n')[1]?.split('\n## ')[0] ?? '';
  const tables: Table[] = [];
  let current: string[] = [];
  for (const line of [...section.split('\n'), '']) {
    if (line.startsWith('|')) {
      current.push(line);
      continue;
    }
    if (current.length > 2) tables.push({ header: cells(current[0]!), rows: current.slice(2).map(cells) });
    current = [];
  }
  return tables;
}

/** Code spans that look like an input or output name (`keep-last`), not a file or a value. */
const names = (cell: string) =>
  [...cell.matchAll(/`([^`]+)`/g)].map((match) => match[1]!).filter((text) => /^[a-z][a-z-]*$/.test(text));

describe('README comparison with other actions', () => {
  const tables = comparisonTables();

  it('has the login and tag-cleanup tables', () => {
    expect(tables.map((table) => names(table.header[1]!))).toEqual([['login'], ['prune-tags']]);
  });

  it.each(tables.map((table) => [names(table.header[1]!)[0]!, table] as const))(
    "names only what %s declares in this project's column, and fills every column",
    (action, table) => {
      const definition = loadAction(action);
      const declared = new Set([...definition.inputs, ...definition.outputs].map((item) => item.id));
      const undeclared = table.rows.flatMap((row) => names(row[1]!).filter((name) => !declared.has(name)));
      expect(undeclared).toEqual([]);
      for (const row of table.rows) expect(row, row[0]).toHaveLength(table.header.length);
      expect(table.rows.flatMap((row) => names(row[1]!)).length).toBeGreaterThan(5);
    },
  );
});
