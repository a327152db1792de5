import { describe, expect, it } from 'vitest';
import { inputVariable, parseFileCommand, runJob, runStep } from './runner.ts';

const fixture = 'test/harness/fixtures/echo-action';
const seen = (outputs: Record<string, string>) => JSON.parse(outputs.seen!) as Record<string, string>;

describe('runner harness', () => {
  it('mangles input names as the runner does', () => {
    expect(inputVariable('keep-last')).toBe('INPUT_KEEP-LAST');
    expect(inputVariable('my input')).toBe('INPUT_MY_INPUT');
  });

  it('parses key=value lines and heredoc values of file commands', () => {
    const text =
      'registry=swr.example.com\ndeleted<<ghadelimiter_1\n["a:1",\n"a:2"]\nghadelimiter_1\ncount=2\n';
    expect(parseFileCommand(text)).toEqual({
      registry: 'swr.example.com',
      deleted: '["a:1",\n"a:2"]',
      count: '2',
    });
  });

  it('passes every declared input: the step value, else the evaluated default, else empty', async () => {
    const step = await runStep({
      action: fixture,
      inputs: { given: 'from the step', 'MIXED CASE': 'given in other case' },
      contexts: { matrix: { channel: 'beta' } },
    });
    expect(step.exitCode, step.log).toBe(0);
    expect(seen(step.outputs)).toEqual({
      INPUT_GIVEN: 'from the step',
      'INPUT_PLAIN-DEFAULT': 'literal value',
      'INPUT_EXPRESSION-DEFAULT': 'example/app@beta/Linux',
      'INPUT_NO-DEFAULT': '',
      INPUT_MIXED_CASE: 'given in other case',
    });
    expect(step.runnerWarnings).toEqual([]);
  });

  it('keeps an input the step sets to empty empty (no default)', async () => {
    const step = await runStep({ action: fixture, inputs: { given: 'x', 'plain-default': '' } });
    expect(seen(step.outputs)['INPUT_PLAIN-DEFAULT']).toBe('');
  });

  it("passes an undeclared key on with the runner's warning", async () => {
    const step = await runStep({ action: fixture, inputs: { given: 'x', dry_run: 'true' } });
    expect(seen(step.outputs).INPUT_DRY_RUN).toBe('true');
    expect(step.runnerWarnings).toEqual([
      "Unexpected input(s) 'dry_run', valid inputs are ['given', 'plain-default', 'expression-default', 'no-default', 'Mixed Case']",
    ]);
    expect(step.log).toContain("##[warning]Unexpected input(s) 'dry_run'");
  });

  it('runs pre only when pre-if holds, and post only when post-if holds for the job status', async () => {
    const quiet = await runJob({ action: fixture, inputs: { given: 'x' } });
    expect(quiet.pre).toBeUndefined();
    expect(quiet.main.exitCode).toBe(0);
    expect(quiet.post).toBeUndefined();

    const failing = await runJob({
      action: fixture,
      inputs: { given: 'fail' },
      contexts: { env: { RUN_PRE: 'yes' } },
    });
    expect(failing.pre?.exitCode).toBe(0);
    expect(failing.main.exitCode).toBe(1);
    expect(failing.post?.stdout).toContain('post saw main=ran pre=ran');
  });
});
