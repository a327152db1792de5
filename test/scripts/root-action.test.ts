import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { rootActionYaml } from '../../scripts/root-action.ts';

const root = resolve(import.meta.dirname, '../..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

describe('the root action.yml', () => {
  it('is actions/login/action.yml with its bundles found from the repository root', () => {
    const login = parse(read('actions/login/action.yml'));
    const top = parse(read('action.yml'));
    expect(top.runs).toEqual({ ...login.runs, main: 'dist/login/index.js', post: 'dist/login/post.js' });
    expect({ ...top, runs: undefined }).toEqual({ ...login, runs: undefined });
  });

  it('is exactly what the generator writes (npm run check:docs fails otherwise)', () => {
    expect(read('action.yml')).toBe(rootActionYaml(read('actions/login/action.yml')));
  });

  it('rewrites only the bundle paths of runs, and refuses a login action without them', () => {
    const yaml =
      'inputs:\n  x:\n    description: see ../../dist/login/index.js\nruns:\n  using: node24\n  main: ../../dist/login/index.js\n';
    expect(rootActionYaml(yaml)).toMatch(/description: see \.\.\/\.\.\/dist\/login\/index\.js\n/);
    expect(rootActionYaml(yaml)).toMatch(/\n {2}main: dist\/login\/index\.js\n$/);
    expect(() => rootActionYaml('runs:\n  using: node24\n  main: index.js\n')).toThrow(
      /names no \.\.\/\.\.\/dist/,
    );
  });
});
