// The YAML snippets of README.md, actions/*/README.md and docs/ that use our actions are checked against
// the action.yml files; the version every shipped `uses:` pins is the released one; the keyless example
// and docs/keyless.md say the same.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { repoRoot } from '../harness/action-definition.ts';
import { documentedFiles, PUBLISHED_VERSION, snippetProblems, yamlBlocks } from './doc-snippets.ts';

const snippets = documentedFiles().flatMap(yamlBlocks);
const read = (file: string) => readFileSync(join(repoRoot, file), 'utf8');

describe('documentation snippets', () => {
  it.each(snippets.map((snippet) => [snippet.where, snippet] as const))('%s is right', (_where, snippet) => {
    expect(snippetProblems(snippet)).toEqual([]);
  });

  it('finds undeclared and missing inputs, missing credentials, unknown outputs and wrong pins', () => {
    const text = [
      '- id: login',
      '  uses: registry-actions/registry-actions@v1',
      '  with: { provider: swr, region: cn-north-4, dry_run: true }',
      '- uses: example/registry-actions/actions/prune-tags@v0.1.0',
      `- run: echo \${{ steps.login.outputs.token }} \${{ steps.nope.outputs.x }}`,
      '- uses: registry-actions/registry-actions/actions/prune-tags@v0.1.0',
      '  with: { provider: swr, region: cn-north-4, namespace: team, access-key-id: a, secret-access-key: b }',
    ].join('\n');
    expect(snippetProblems({ where: 'x.md:1', text })).toEqual([
      `x.md:1: "registry-actions/registry-actions@v1" pins v1, not the released ${PUBLISHED_VERSION}`,
      "x.md:1: registry-actions/registry-actions@v1: input 'dry_run' is not declared",
      'x.md:1: registry-actions/registry-actions@v1: no credentials',
      'x.md:1: "example/registry-actions/actions/prune-tags@v0.1.0" is not registry-actions/registry-actions[/actions/<name>]@<ref>',
      "x.md:1: . has no output 'token'",
      'x.md:1: steps.nope is not a step of the snippet',
      "x.md:1: registry-actions/registry-actions/actions/prune-tags@v0.1.0: required input 'repositories' is missing",
    ]);
  });
});

describe('published name and version', () => {
  const shipped = [
    'examples/workflows/ccr-enterprise.yml',
    'examples/workflows/nightly-prune.yml',
    'examples/workflows/preview-environments.yml',
    'examples/workflows/swr-aksk.yml',
    'examples/workflows/swr-keyless.yml',
    '.github/workflows/publish-image.yml',
    '.github/workflows/registry-gate.yml',
    'actions/publish/action.yml',
    ...documentedFiles(),
  ];

  it.each(shipped)('%s names this repository one way and pins the released version', (file) => {
    const text = read(file);
    const uses = [...text.matchAll(/([\w.-]+\/registry-actions)((?:\/[\w./-]+)?)@([\w.-]+)/g)];
    for (const [reference, owner, , ref] of uses) {
      expect(owner, reference).toBe('registry-actions/registry-actions');
      expect(ref, reference).toBe(PUBLISHED_VERSION);
    }
  });

  it('the released version has its section in the CHANGELOG', () => {
    expect(read('CHANGELOG.md')).toContain(`## [${PUBLISHED_VERSION.slice(1)}]`);
    expect(read('CHANGELOG.md')).toContain(`tagged \`${PUBLISHED_VERSION}\``);
  });
});

describe('keyless', () => {
  type Step = { uses?: string; with?: Record<string, unknown> };
  const loginOf = (steps: Step[]) =>
    steps.find((step) => step.uses?.startsWith('registry-actions/registry-actions@'));

  it('the keyless example and docs/keyless.md sign in the same way, with no stored secret', () => {
    const example = parse(read('examples/workflows/swr-keyless.yml')) as {
      jobs: Record<string, { steps: Step[] }>;
    };
    const exampleLogin = loginOf(Object.values(example.jobs)[0]!.steps)!.with!;
    const documented = yamlBlocks('docs/keyless.md')
      .map((snippet) => parse(snippet.text) as { jobs?: Record<string, { steps: Step[] }> })
      .flatMap((workflow) => Object.values(workflow?.jobs ?? {}))
      .map((job) => loginOf(job.steps))
      .find((step) => step !== undefined)!.with!;
    for (const input of ['idp-id', 'oidc-audience'])
      expect(exampleLogin[input], input).toBe(documented[input]);
    for (const secret of ['access-key-id', 'secret-access-key', 'iam-password', 'iam-domain']) {
      expect(exampleLogin, secret).not.toHaveProperty(secret);
    }
  });
});
