import { describe, expect, it } from 'vitest';
import { parseTime } from '../../../src/providers/seam/tag-info.ts';

describe('parseTime', () => {
  it('reads ISO times and gives NaN otherwise', () => {
    expect(parseTime('2018-07-06T06:18:55Z')).toBe(Date.UTC(2018, 6, 6, 6, 18, 55));
    expect(parseTime(null)).toBeNaN();
    expect(parseTime('yesterday')).toBeNaN();
  });
});
