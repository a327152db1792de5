import { describe, expect, it } from 'vitest';
import { changeText } from '../../../../src/actions/ensure-namespace/changes.ts';
import {
  planSwrNamespace,
  type SwrNamespaceState,
  type SwrNamespaceWish,
} from '../../../../src/providers/swr/ensure-namespace/plan.ts';
import type { SwrRepository } from '../../../../src/providers/swr/repositories.ts';

const repo = (name: string, fields: Partial<SwrRepository> = {}): SwrRepository => ({
  name,
  namespace: 'team',
  is_public: false,
  category: 'other',
  description: '',
  num_images: 0,
  ...fields,
});

const self = { user_id: 'u-self', user_name: 'ci', auth: 7 };

const state = (fields: Partial<SwrNamespaceState> = {}): SwrNamespaceState => ({
  namespace: 'team',
  exists: true,
  repositories: [],
  access: { self_auth: self, others_auths: [self] },
  ...fields,
});

const wish = (fields: Partial<SwrNamespaceWish> = {}): SwrNamespaceWish => ({
  state: 'present',
  repositories: [],
  permissions: [],
  prunePermissions: false,
  force: false,
  ...fields,
});

const texts = (s: SwrNamespaceState, w: SwrNamespaceWish) => planSwrNamespace(s, w).changes.map(changeText);

describe('planSwrNamespace: present', () => {
  it('creates a missing namespace with its declared repositories and grants', () => {
    const plan = planSwrNamespace(
      state({ exists: false, repositories: [], access: undefined }),
      wish({
        repositories: [{ name: 'app', isPublic: true, description: 'web' }, { name: 'tools/cli' }],
        permissions: [{ userName: 'bob', userId: 'u-bob', level: 1 }],
      }),
    );
    expect(plan.blockers).toEqual([]);
    expect(plan.changes.map(changeText)).toEqual([
      { action: 'create namespace', target: 'team', detail: 'does not exist' },
      {
        action: 'create repository',
        target: 'team/app',
        detail: 'public, category other, description "web"',
      },
      { action: 'create repository', target: 'team/tools/cli', detail: 'private, category other' },
      { action: 'grant permission', target: 'bob', detail: 'read' },
    ]);
    expect(plan.changes[2]).toMatchObject({
      repository: 'tools/cli',
      settings: { is_public: false, category: 'other' },
    });
  });

  it('plans nothing when everything already matches', () => {
    const current = state({
      repositories: [repo('app', { is_public: true, category: 'linux', description: 'web' })],
      access: { self_auth: self, others_auths: [self, { user_id: 'u-bob', user_name: 'bob', auth: 1 }] },
    });
    const declared = wish({
      repositories: [{ name: 'app', isPublic: true, category: 'linux', description: 'web' }],
      permissions: [{ userName: 'bob', level: 1 }],
      prunePermissions: true,
    });
    expect(planSwrNamespace(current, declared)).toEqual({ changes: [], blockers: [], drift: [] });
  });

  it('updates only declared attributes that differ, keeping the others in the request', () => {
    const plan = planSwrNamespace(
      state({ repositories: [repo('app', { is_public: false, category: 'linux', description: 'old' })] }),
      wish({ repositories: [{ name: 'app', isPublic: true }] }),
    );
    expect(plan.changes).toEqual([
      {
        action: 'update repository',
        target: 'team/app',
        detail: 'visibility private → public',
        repository: 'app',
        settings: { is_public: true, category: 'linux', description: 'old' },
      },
    ]);
  });

  it('describes every differing attribute', () => {
    const changes = texts(
      state({ repositories: [repo('app', { category: 'linux', description: 'a' })] }),
      wish({ repositories: [{ name: 'app', isPublic: false, category: 'database', description: 'b' }] }),
    );
    expect(changes[0]?.detail).toBe('category linux → database; description "a" → "b"');
  });

  it('updates a level, grants a new user by id, and revokes undeclared users only when pruning', () => {
    const current = state({
      access: {
        self_auth: self,
        others_auths: [
          self,
          { user_id: 'u-bob', user_name: 'bob', auth: 1 },
          { user_id: 'u-eve', user_name: 'eve', auth: 3 },
        ],
      },
    });
    const permissions = [
      { userName: 'bob', level: 7 as const },
      { userName: 'carol', userId: 'u-carol', level: 3 as const },
    ];
    expect(texts(current, wish({ permissions }))).toEqual([
      { action: 'update permission', target: 'bob', detail: 'read → manage' },
      { action: 'grant permission', target: 'carol', detail: 'edit' },
    ]);
    expect(texts(current, wish({ permissions, prunePermissions: true }))).toContainEqual({
      action: 'revoke permission',
      target: 'eve',
      detail: 'edit',
    });
  });

  it('never revokes the permission of the credentials in use', () => {
    const changes = texts(state(), wish({ permissions: [], prunePermissions: true }));
    expect(changes).toEqual([]);
  });

  it('revokes nothing when SWR does not say which permission belongs to the credentials in use', () => {
    const bob = { user_id: 'u-bob', user_name: 'bob', auth: 1 };
    const plan = planSwrNamespace(
      state({ access: { others_auths: [self, bob] } }),
      wish({ permissions: [], prunePermissions: true }),
    );
    expect(plan.changes.map(changeText)).toEqual([]);
    expect(plan.blockers).toEqual([
      expect.stringContaining('prune-permissions: SWR did not say which permission on team belongs to'),
    ]);
  });

  it('blocks a grant to a new user without an id', () => {
    const plan = planSwrNamespace(state(), wish({ permissions: [{ userName: 'dan', level: 1 }] }));
    expect(plan.blockers).toEqual([
      expect.stringContaining('user "dan" has no permission on team yet; add id=<IAM user id>'),
    ]);
  });
});

describe('planSwrNamespace: absent', () => {
  it('plans nothing for a namespace that does not exist', () => {
    expect(planSwrNamespace(state({ exists: false }), wish({ state: 'absent' })).changes).toEqual([]);
  });

  it('deletes an empty namespace', () => {
    expect(texts(state(), wish({ state: 'absent' }))).toEqual([
      { action: 'delete namespace', target: 'team', detail: 'empty' },
    ]);
  });

  it('refuses a namespace that still holds repositories, naming them', () => {
    const plan = planSwrNamespace(
      state({ repositories: [repo('app'), repo('web')] }),
      wish({ state: 'absent' }),
    );
    expect(plan.blockers).toEqual([expect.stringContaining('still holds 2 repositories (app, web)')]);
    expect(plan.blockers[0]).toContain('force: true');
  });

  it('with force, deletes the repositories first, then the namespace', () => {
    const plan = planSwrNamespace(
      state({ repositories: [repo('app', { num_images: 3 }), repo('old')] }),
      wish({ state: 'absent', force: true }),
    );
    expect(plan.blockers).toEqual([]);
    expect(plan.changes.map(changeText)).toEqual([
      { action: 'delete repository', target: 'team/app', detail: 'with 3 tags' },
      { action: 'delete repository', target: 'team/old', detail: 'empty' },
      { action: 'delete namespace', target: 'team', detail: 'after its 2 repositories' },
    ]);
  });
});
