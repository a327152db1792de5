// The layers of src/ depend one way: cli → actions → providers → core, and no two folders of src/core need each other.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const src = resolve(import.meta.dirname, '../../src');

/** Every .ts file under src/, with the src-relative files it imports, statically or with import() at first use. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const files = readdirSync(src, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
  for (const file of files) {
    const text = readFileSync(join(src, file), 'utf8');
    const found = text.matchAll(
      /^(?:import|export)[^;]*?from '(\.[^']+)'|\bimport\((?:\s*\/\*[^*]*\*\/)?\s*'(\.[^']+)'\)/gms,
    );
    const targets = [...found].map((match) =>
      relative(src, resolve(dirname(join(src, file)), match[1] ?? match[2] ?? '')),
    );
    graph.set(file, targets);
  }
  return graph;
}

/** `core/http`, `providers/swr`, `actions/login`: the folder a file belongs to, two levels deep. */
const folderOf = (file: string) => dirname(file).split('/').slice(0, 2).join('/');
const layerOf = (file: string) => file.split('/')[0] ?? '';

describe('layers of src/', () => {
  const graph = importGraph();

  it('reads imports from every source file', () => {
    expect(graph.size).toBeGreaterThan(100);
    // main.ts imports inputs.ts, and run.ts with import() once the inputs are read.
    expect(graph.get('actions/login/main.ts')).toEqual(
      expect.arrayContaining(['actions/login/inputs.ts', 'actions/login/run.ts']),
    );
  });

  it('imports only downwards: cli → actions → providers → core', () => {
    const rank: Record<string, number> = { cli: 3, actions: 2, providers: 1, core: 0 };
    const upward = [...graph].flatMap(([file, targets]) =>
      targets
        .filter((target) => (rank[layerOf(target)] ?? 0) > (rank[layerOf(file)] ?? 0))
        .map((target) => `${file} → ${target}`),
    );
    expect(upward).toEqual([]);
  });

  it('has no cycle between two folders', () => {
    const edges = new Set<string>();
    for (const [file, targets] of graph) {
      for (const target of targets) {
        if (folderOf(file) !== folderOf(target)) edges.add(`${folderOf(file)} → ${folderOf(target)}`);
      }
    }
    const cycles = [...edges].filter((edge) => {
      const [from, to] = edge.split(' → ');
      return edges.has(`${to} → ${from}`);
    });
    expect(cycles).toEqual([]);
  });
});
