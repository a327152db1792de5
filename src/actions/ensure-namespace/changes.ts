// What a plan holds: changes to make, blockers that stop it, and drift the API cannot fix.
import type { SwrUserAuth } from '../../providers/swr/permissions.ts';
import type { SwrRepositorySettings } from '../../providers/swr/repositories.ts';

export type ChangeAction =
  | 'create namespace'
  | 'delete namespace'
  | 'create repository'
  | 'update repository'
  | 'delete repository'
  | 'grant permission'
  | 'update permission'
  | 'revoke permission';

/** What every change shows in the log, the summary and the `changes` output. */
export interface ChangeText {
  action: ChangeAction;
  /** What it applies to: `namespace`, `namespace/repository` or a user name. */
  target: string;
  /** The difference in words, e.g. `visibility private → public`. */
  detail: string;
}

/** One change, done or to be done, with what the executor needs to make it. */
export type Change =
  | (ChangeText & { action: 'create namespace' | 'delete namespace' })
  | (ChangeText & {
      action: 'create repository' | 'update repository';
      repository: string;
      settings: SwrRepositorySettings;
    })
  | (ChangeText & { action: 'delete repository'; repository: string })
  | (ChangeText & {
      action: 'grant permission' | 'update permission' | 'revoke permission';
      user: SwrUserAuth;
    });

export interface NamespacePlan {
  changes: Change[];
  /** Reasons the plan cannot be carried out; the step fails with all of them. */
  blockers: string[];
  /** Differences the API cannot change: a warning when applying, a failure in check-only mode. */
  drift: string[];
}

/** An empty plan to add to. */
export function emptyPlan(): NamespacePlan {
  return { changes: [], blockers: [], drift: [] };
}

/** Joins plans in order. */
export function joinPlans(...plans: NamespacePlan[]): NamespacePlan {
  return {
    changes: plans.flatMap((plan) => plan.changes),
    blockers: plans.flatMap((plan) => plan.blockers),
    drift: plans.flatMap((plan) => plan.drift),
  };
}

/** The shown part of a change (for the `changes` output). */
export function changeText(change: Change): ChangeText {
  return { action: change.action, target: change.target, detail: change.detail };
}

/** One log line for a change. */
export function describeChange(change: ChangeText): string {
  return change.detail
    ? `${change.action} ${change.target}: ${change.detail}`
    : `${change.action} ${change.target}`;
}
