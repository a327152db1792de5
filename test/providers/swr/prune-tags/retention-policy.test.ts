import { describe, expect, it } from 'vitest';
import { InputError } from '../../../../src/core/errors/errors.ts';
import {
  planRetention,
  retentionPolicyFor,
  sameRetention,
} from '../../../../src/providers/swr/prune-tags/retention-policy.ts';
import type { SwrRetentionSettings } from '../../../../src/providers/swr/retentions.ts';
import { days, rules } from '../../../actions/prune-tags/tag-fixtures.ts';

describe('retentionPolicyFor', () => {
  it('turns older-than into a date rule with exclude and keep as selectors', () => {
    const target = retentionPolicyFor(
      rules({ olderThan: days(30), exclude: ['^stable-'], keep: ['^latest$'] }),
    );
    expect(target.settings).toEqual({
      algorithm: 'or',
      rules: [
        {
          template: 'date_rule',
          params: { days: '30' },
          tag_selectors: [
            { kind: 'regexp', pattern: '^stable-' },
            { kind: 'regexp', pattern: '^latest$' },
          ],
        },
      ],
    });
    expect(target.notes.join('\n')).toMatch(/protection of mode: delete does not apply/);
  });

  it('rounds hours up to whole days and says so', () => {
    const target = retentionPolicyFor(rules({ olderThan: { ms: 36 * 3_600_000, text: '36h' } }));
    expect(target.settings.rules[0]?.params).toEqual({ days: '2' });
    expect(target.notes).toContain('older-than 36h is rounded up to 2 days (SWR counts whole days).');
  });

  it.each([
    [{ include: ['^pr-'], keepLast: 3 }, ['mode', 'include']],
    [{ keepSemver: 1, keepLast: 3 }, ['mode', 'keep-semver']],
    [{ keepLast: 3, olderThan: days(3) }, ['mode', 'keep-last', 'older-than']],
    [{}, ['mode', 'keep-last', 'older-than']],
  ])('refuses rules SWR cannot express without deleting more (%o)', (given, inputs) => {
    try {
      retentionPolicyFor(rules(given));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).inputs).toEqual(inputs);
      expect((error as InputError).message).toMatch(
        /^Input 'mode' is retention-policy, which cannot express /,
      );
    }
  });
});

describe('planRetention', () => {
  const wanted: SwrRetentionSettings = {
    algorithm: 'or',
    rules: [
      {
        template: 'tag_rule',
        params: { num: '10' },
        tag_selectors: [
          { kind: 'regexp', pattern: 'a' },
          { kind: 'label', pattern: 'b' },
        ],
      },
    ],
  };

  it('creates, leaves an equal policy alone, updates a different one, and stops on several', () => {
    expect(planRetention([], wanted)).toEqual({ action: 'create' });
    const reordered = {
      id: 4,
      algorithm: 'or',
      rules: [
        {
          template: 'tag_rule' as const,
          params: { num: '10' },
          tag_selectors: [
            { kind: 'label' as const, pattern: 'b' },
            { kind: 'regexp' as const, pattern: 'a' },
          ],
        },
      ],
    };
    expect(planRetention([reordered], wanted)).toEqual({ action: 'unchanged', id: 4 });
    const other = { ...reordered, rules: [{ ...reordered.rules[0]!, params: { num: '11' } }] };
    expect(planRetention([other], wanted)).toEqual({ action: 'update', id: 4 });
    expect(planRetention([reordered, { ...other, id: 5 }], wanted)).toEqual({
      action: 'conflict',
      ids: [4, 5],
    });
  });

  it('compares numbers whether SWR sends them as strings or numbers', () => {
    const asNumber = JSON.parse(JSON.stringify(wanted).replace('"10"', '10')) as SwrRetentionSettings;
    expect(sameRetention(asNumber, wanted)).toBe(true);
  });
});
