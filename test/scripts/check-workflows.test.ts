import { describe, expect, it } from 'vitest';
import { actionSchemaProblems, lintWorkflow } from '../../scripts/check-workflows.ts';

describe('workflow lint', () => {
  it('reports what actionlint finds, with file, line and rule', async () => {
    const workflow = [
      'on: push',
      'jobs:',
      '  build:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      `      - run: echo "\${{ steps.missing.outputs.value }}"`,
      '      - uses: actions/checkout@v4',
      '        with:',
      `          fetch-depth: \${{ github.event.commits[0].nope }}`,
      `        if: \${{ github.ref == "main" }}`,
    ].join('\n');
    const findings = await lintWorkflow(workflow, 'bad.yml');
    expect(findings.some((line) => /^bad\.yml:6:\d+: property "missing" is not defined/.test(line))).toBe(
      true,
    );
    expect(findings.some((line) => line.startsWith('bad.yml:10:') && line.includes('[expression]'))).toBe(
      true,
    );
  });

  it("checks action.yml with GitHub's parser: an input default may not read env", () => {
    const action = [
      'name: x',
      'description: y',
      'inputs:',
      '  a:',
      '    description: z',
      `    default: \${{ env.HOME }}`,
      'runs:',
      '  using: node24',
      '  main: index.js',
    ].join('\n');
    expect(actionSchemaProblems(action, 'action.yml').join('\n')).toContain(
      "Unrecognized named-value: 'env'",
    );
  });
});
