import { describe, expect, it } from 'vitest';
import { isNonEmpty, mapInOrder, mapNonEmpty } from '../../../src/core/types/non-empty.ts';

describe('non-empty lists', () => {
  it('tells a list with elements from an empty one', () => {
    expect(isNonEmpty(['a'])).toBe(true);
    expect(isNonEmpty([])).toBe(false);
  });

  it('maps with each index, keeping the order', () => {
    expect(mapNonEmpty(['a', 'b', 'c'], (item, index) => `${index}${item}`)).toEqual(['0a', '1b', '2c']);
  });

  it('maps asynchronously one element at a time, in order', async () => {
    const events: string[] = [];
    const result = await mapInOrder([3, 1, 2], async (n) => {
      events.push(`start ${n}`);
      await new Promise((resolve) => setImmediate(resolve));
      events.push(`end ${n}`);
      return n * 10;
    });
    expect(result).toEqual([30, 10, 20]);
    expect(events).toEqual(['start 3', 'end 3', 'start 1', 'end 1', 'start 2', 'end 2']);
  });
});
