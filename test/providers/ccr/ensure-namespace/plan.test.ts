import { describe, expect, it } from 'vitest';
import { changeText } from '../../../../src/actions/ensure-namespace/changes.ts';
import { planCcrNamespace } from '../../../../src/providers/ccr/ensure-namespace/plan.ts';

describe('planCcrNamespace', () => {
  it('creates a missing enterprise namespace with the declared visibility', () => {
    const plan = planCcrNamespace(
      { edition: 'enterprise', namespace: 'team', project: undefined },
      { state: 'present', isPublic: true, force: false },
    );
    expect(plan.changes.map(changeText)).toEqual([
      { action: 'create namespace', target: 'team', detail: 'public' },
    ]);
    expect(plan.blockers).toEqual([]);
  });

  it('blocks a missing personal namespace: the API cannot create it', () => {
    const plan = planCcrNamespace(
      { edition: 'personal', namespace: 'team', project: undefined },
      { state: 'present', isPublic: undefined, force: false },
    );
    expect(plan.blockers).toEqual([expect.stringContaining('Create it in the CCR console')]);
  });

  it('reports a visibility difference as drift, and nothing when none is declared', () => {
    const current = {
      edition: 'enterprise' as const,
      namespace: 'team',
      project: { isPublic: false, repoCount: 0 },
    };
    expect(planCcrNamespace(current, { state: 'present', isPublic: true, force: false }).drift).toEqual([
      expect.stringContaining('is private but declared public'),
    ]);
    expect(planCcrNamespace(current, { state: 'present', isPublic: undefined, force: false })).toEqual({
      changes: [],
      blockers: [],
      drift: [],
    });
  });

  it('deletes a personal namespace, refusing one with repositories unless forced', () => {
    const current = {
      edition: 'personal' as const,
      namespace: 'team',
      project: { isPublic: false, repoCount: 2 },
    };
    expect(
      planCcrNamespace(current, { state: 'absent', isPublic: undefined, force: false }).blockers,
    ).toEqual([expect.stringContaining('still holds 2 repositories')]);
    const forced = planCcrNamespace(current, { state: 'absent', isPublic: undefined, force: true });
    expect(forced.blockers).toEqual([]);
    expect(forced.changes.map(changeText)).toEqual([
      { action: 'delete namespace', target: 'team', detail: 'with its 2 repositories' },
    ]);
  });
});
