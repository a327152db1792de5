// The workflow runner itself, on small workflows of run steps and fixture actions (no emulator needed).
import { describe, expect, it } from 'vitest';
import { runWorkflow } from './workflow.ts';

const run = (content: string, options: Partial<Parameters<typeof runWorkflow>[0]> = {}) =>
  runWorkflow({ file: 'fixture.yml', content, github: { event_name: 'push' }, standIns: {}, ...options });

describe('workflow runner', () => {
  it('orders jobs by needs, passes job outputs, and skips a job whose if is false', async () => {
    const result = await run(`name: fixture
on: push
env:
  GREETING: hello
jobs:
  second:
    needs: first
    runs-on: ubuntu-latest
    steps:
      - env:
          VALUE: \${{ needs.first.outputs.value }}
        run: test "$VALUE" = "hello-example/app"
  first:
    runs-on: ubuntu-latest
    outputs:
      value: \${{ steps.make.outputs.value }}
    steps:
      - id: make
        run: echo "value=$GREETING-\${{ github.repository }}" >> "$GITHUB_OUTPUT"
  never:
    if: github.event_name == 'schedule'
    runs-on: ubuntu-latest
    steps:
      - run: exit 1
`);
    expect(result.jobs.first!.outputs).toEqual({ value: 'hello-example/app' });
    expect(result.jobs.second!.result).toBe('success');
    expect(result.jobs.never!.result).toBe('skipped');
  });

  it('carries GITHUB_ENV to later steps, runs failure() steps after a failure, and fails the job', async () => {
    const result = await run(`on: push
jobs:
  job:
    runs-on: ubuntu-latest
    steps:
      - run: echo "SEEN=yes" >> "$GITHUB_ENV"
      - id: check
        run: |
          test "$SEEN" = yes
          echo "env=\${{ env.SEEN }}" >> "$GITHUB_OUTPUT"
      - run: exit 3
      - run: echo skipped
      - if: failure()
        id: after
        run: echo "ran=true" >> "$GITHUB_OUTPUT"
`);
    const steps = result.jobs.job!.steps;
    expect(steps.map((step) => step.outcome)).toEqual([
      'success',
      'success',
      'failure',
      'skipped',
      'success',
    ]);
    expect(steps[1]!.outputs).toEqual({ env: 'yes' });
    expect(result.conclusion).toBe('failure');
  });

  it('expands a matrix', async () => {
    const result = await run(`on: push
jobs:
  job:
    strategy:
      matrix:
        provider: [swr, ccr]
        include:
          - provider: personal
    runs-on: ubuntu-latest
    steps:
      - id: show
        run: echo "provider=\${{ matrix.provider }}" >> "$GITHUB_OUTPUT"
`);
    expect(result.jobs.job!.matrix!.map(({ record }) => record.steps[0]!.outputs.provider)).toEqual([
      'swr',
      'ccr',
      'personal',
    ]);
  });

  it('runs a composite action with its inputs context, nested actions and declared outputs', async () => {
    const result = await run(`on: push
jobs:
  job:
    runs-on: ubuntu-latest
    steps:
      - id: composite
        uses: ./test/harness/fixtures/composite-action
      - id: failing
        continue-on-error: false
        uses: ./test/harness/fixtures/composite-action
        with:
          who: runner
          fail: 'true'
`);
    const [ok, failing] = result.jobs.job!.steps;
    expect(ok!.outcome).toBe('success');
    expect(ok!.outputs.greeting).toBe('hello octocat from composite-action');
    expect(JSON.parse(ok!.outputs.seen!)).toMatchObject({
      INPUT_GIVEN: 'octocat',
      'INPUT_PLAIN-DEFAULT': 'literal value',
    });
    expect(failing!.outcome).toBe('failure');
    expect(failing!.steps!.map((step) => step.outcome)).toEqual(['success', 'failure', 'success']);
  });

  it('reads a block scalar with expressions as YAML does (no source indentation)', async () => {
    const result = await run(`on: push
jobs:
  job:
    runs-on: ubuntu-latest
    steps:
      - id: show
        env:
          TAGS: |
            \${{ github.sha }}
            latest
        run: printf 'tags=%s' "$(printf '%s' "$TAGS" | tr '\\n' ',')" >> "$GITHUB_OUTPUT"
`);
    expect(result.jobs.job!.steps[0]!.outputs.tags).toBe('3f786850e387550fdab836ed7e6dc881de23001b,latest,');
  });

  it('refuses a workflow GitHub’s parser rejects', async () => {
    await expect(
      run('on: push\njobs:\n  job:\n    runs-on: x\n    steps:\n      - uses: a/b@v1\n        bogus: 1\n'),
    ).rejects.toThrow(/does not pass GitHub's workflow schema/);
  });
});
