import { describe, expect, it } from 'vitest';
import { readJsonState } from '../../../src/core/action/saved-state.ts';

const isCount = (value: unknown): value is { count: number } =>
  typeof value === 'object' && value !== null && typeof (value as { count?: unknown }).count === 'number';

describe('readJsonState', () => {
  it('returns what main saved when it has the expected shape', () => {
    expect(readJsonState('k', isCount, '{"count":3}')).toEqual({ count: 3 });
  });

  it('treats nothing saved, another shape, and text that is not JSON as nothing to undo', () => {
    expect(readJsonState('k', isCount, '')).toBeUndefined();
    expect(readJsonState('k', isCount, '{"count":"3"}')).toBeUndefined();
    expect(readJsonState('k', isCount, '{"count":')).toBeUndefined();
  });
});
