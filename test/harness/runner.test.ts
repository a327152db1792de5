import { describe, expect, it } from 'vitest';
import { inputVariable, parseFileCommand } from './runner.ts';

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
});
