import { describe, expect, it } from 'vitest';
import { parseLookupAnswer } from '../../../src/core/net/lookup-answer.ts';

describe('parseLookupAnswer', () => {
  it.each([
    ['203.0.113.7\n', '203.0.113.7'],
    ['  2001:DB8::7 ', '2001:db8::7'],
    ['{"ip":"198.51.100.2"}', '198.51.100.2'],
    ['fl=1\nh=example\nip=198.51.100.3\nts=1\n', '198.51.100.3'],
  ])('reads the address in %j', (answer, expected) => {
    expect(parseLookupAnswer(answer)?.text).toBe(expected);
  });

  it.each([
    '',
    '<html>rate limited</html>',
    '{"ip":42}',
    '{"origin":"1.2.3.4"}',
    '203.0.113.0/24',
    '{bad json',
  ])('finds no address in %j', (answer) => {
    expect(parseLookupAnswer(answer)).toBeUndefined();
  });
});
