// What ensure-namespace needs from a provider: its declaration inputs, its name rules, and a session that
// reads the namespace, plans the changes (each with the call that makes it) and says where images go.
import type { InputReader } from '../../core/action/input-reader.ts';
import type { ApiClient } from '../../core/http/types.ts';
import type { Connectable } from './connection.ts';
import type { Support } from './provider.ts';

/** The words of the `changes` output; a provider uses those that fit its registry. */
type ChangeAction =
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

/** What a plan holds: changes to make, blockers that stop it, and drift the API cannot fix. */
export interface NamespacePlan<C extends ChangeText = ChangeText> {
  changes: C[];
  /** Reasons the plan cannot be carried out; the step fails with all of them. */
  blockers: string[];
  /** Differences the API cannot change: a warning when applying, a failure in check-only mode. */
  drift: string[];
}

/** An empty plan to add to. */
export function emptyPlan<C extends ChangeText>(): NamespacePlan<C> {
  return { changes: [], blockers: [], drift: [] };
}

/** A change of a session's plan, with the call that makes it. */
export interface PlannedChange extends ChangeText {
  /**
   * Makes the change. Creating the namespace answers 'exists' when it exists already and is ours (a
   * parallel run made it); it throws NamespaceTakenError when the name is someone else's.
   */
  apply(): Promise<'done' | 'exists'>;
}

/** The namespace name is in use, but not by anything these credentials can see. */
export class NamespaceTakenError extends Error {
  override readonly name = 'NamespaceTakenError';
}

/** The ensure-namespace inputs every provider shares. */
export interface NamespaceCommon {
  namespace: string;
  state: 'present' | 'absent';
  force: boolean;
}

export interface NamespaceSupport extends Support {
  /** How the namespace input is described in its error, e.g. "an SWR organization (namespace) name". */
  readonly nameKind: string;
  /** Each name rule `name` breaks, as "must …" / "has …" phrases; empty when the name is valid. */
  nameProblems(name: string): string[];
  /** ensure-namespace inputs only this provider reads (besides the common ones), in message order. */
  readonly inputs: readonly string[];
  /**
   * Which of `inputs` declare something (a non-empty list, a flag that is true…). Asked of every provider
   * in the table, so inputs of another provider are refused by name; InputError for a value it cannot read.
   */
  declaredInputs(reader: InputReader): string[];
  /** Why an input of another provider is refused, where "applies to provider … only" would say too little. */
  readonly refusals?: Readonly<Record<string, string>>;
  /** Reads the connection and the declaration; InputError for what this provider cannot do. */
  read(reader: InputReader, common: NamespaceCommon): NamespaceTarget;
}

/** One run's namespace as read from the inputs, before any call. */
export interface NamespaceTarget extends Connectable {
  /** What the declaration takes away, when it does (e.g. "prune-permissions revokes permissions"). */
  readonly removes?: string;
  /** The session on a connected client. */
  open(api: ApiClient): Promise<NamespaceSession>;
}

export interface NamespaceSession {
  /** Reads the namespace (and what the declaration is about) and plans the changes, in the order to make them. */
  plan(): Promise<NamespacePlan<PlannedChange>>;
  /** Lines a check-only run adds to the log after the plan (e.g. who may push). */
  inspect?(): Promise<string[]>;
  /** Why the namespace can exist when the plan meant to create it, for the log. */
  readonly existingNote: string;
  /** The registry host images are pushed to ('' when the registry does not say). */
  registryHost(): Promise<string>;
}
