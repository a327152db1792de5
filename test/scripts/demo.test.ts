// `npm run demo` as a user runs it: each step is printed as the workflow YAML it stands for (uses: and
// with:, secrets as ***) before its log, and that YAML is a valid step of our action.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CREDENTIALS } from '../emulator/index.ts';
import { repoRoot } from '../harness/action-definition.ts';
import { snippetProblems } from '../workflows/doc-snippets.ts';

interface Section {
  title: string;
  body: string[];
}

function sections(stdout: string): Section[] {
  return stdout
    .split('\n━━ ')
    .slice(1)
    .map((chunk) => {
      const [title, ...body] = chunk.split('\n');
      return { title: title!, body };
    });
}

describe('npm run demo', () => {
  it("prints each step's with: block before its output", { timeout: 240_000 }, () => {
    const run = spawnSync(process.execPath, [join(repoRoot, 'scripts/demo.ts')], {
      cwd: repoRoot,
      encoding: 'utf8',
      timeout: 230_000,
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('demo passed: every step succeeded');
    const steps = sections(run.stdout).filter((section) => section.title !== 'registry after the run');
    expect(steps.map((step) => step.title.replace(/ \(exit 0\)$/, ''))).toEqual([
      'login (SWR, AK/SK)',
      'ensure-namespace',
      'prune-tags (dry run)',
      'prune-tags',
      'sync-whitelist (lease the runner IP)',
      'sync-whitelist post (end the lease)',
      'login post (logout)',
    ]);
    for (const step of steps) {
      const firstLog = step.body.findIndex((line) => line.startsWith('  │') || line.startsWith('  output'));
      const head = step.body.slice(0, firstLog).map((line) => line.slice(2));
      if (step.title.includes(' post ')) {
        expect(head.join('\n')).toMatch(/^post step of (login|sync-whitelist): /);
        continue;
      }
      // The printed step, checked like the docs' snippets: declared inputs, required ones given, the pin.
      const yaml = head.join('\n');
      expect(yaml).toMatch(/^- uses: registry-actions\/registry-actions(\/actions\/[a-z-]+)?@v\d/);
      expect(yaml).toContain('  with:');
      expect(snippetProblems({ where: `demo: ${step.title}`, text: yaml })).toEqual([]);
    }
    const login = steps[0]!.body.join('\n');
    expect(login).toContain('provider: swr');
    expect(login).toContain('secret-access-key: "***"');
    expect(steps[2]!.body.join('\n')).toContain('dry-run: "true"');
    for (const secret of [
      DEFAULT_CREDENTIALS.huawei.secretAccessKey,
      DEFAULT_CREDENTIALS.baidu.secretAccessKey,
    ]) {
      expect(run.stdout).not.toContain(secret);
    }
  });
});
