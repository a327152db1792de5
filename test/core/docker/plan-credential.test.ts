import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { digestAuth } from '../../../src/core/docker/credential-change.ts';
import type { DockerConfig } from '../../../src/core/docker/docker-config.ts';
import { planAddCredential, planRemoveCredential } from '../../../src/core/docker/plan-credential.ts';

const registry = 'swr.cn-north-4.myhuaweicloud.com';
const auth = Buffer.from('cn-north-4@AK:secret').toString('base64');

interface Case {
  name: string;
  before: DockerConfig;
  storeRegistries?: string[];
  after: DockerConfig;
}

const cases: Case[] = [
  { name: 'empty config', before: {}, after: { auths: { [registry]: { auth } } } },
  {
    name: 'other registries and fields kept',
    before: { auths: { 'ghcr.io': { auth: 'Z2g6eA==' } }, HttpHeaders: { 'User-Agent': 'x' } },
    after: {
      auths: { 'ghcr.io': { auth: 'Z2g6eA==' }, [registry]: { auth } },
      HttpHeaders: { 'User-Agent': 'x' },
    },
  },
  {
    name: 'same registry replaced',
    before: { auths: { [registry]: { auth: 'b2xkOm9sZA==', email: 'a@b' } } },
    after: { auths: { [registry]: { auth } } },
  },
  {
    name: 'credHelpers entry for the registry set aside, others kept',
    before: { credHelpers: { [registry]: 'huaweicloud', 'gcr.io': 'gcloud' } },
    after: { auths: { [registry]: { auth } }, credHelpers: { 'gcr.io': 'gcloud' } },
  },
  {
    name: 'credsStore replaced by credHelpers for the registries it holds',
    before: { credsStore: 'pass', auths: { 'ghcr.io': {} } },
    storeRegistries: ['ghcr.io', 'https://index.docker.io/v1/', `https://${registry}`],
    after: {
      auths: { 'ghcr.io': {}, [registry]: { auth } },
      credHelpers: { 'ghcr.io': 'pass', 'https://index.docker.io/v1/': 'pass' },
    },
  },
  {
    name: 'credsStore that cannot be listed is set aside',
    before: { credsStore: 'desktop' },
    after: { auths: { [registry]: { auth } } },
  },
  {
    name: 'credsStore does not override an existing credHelpers entry',
    before: { credsStore: 'pass', credHelpers: { 'gcr.io': 'gcloud' } },
    storeRegistries: ['gcr.io'],
    after: { auths: { [registry]: { auth } }, credHelpers: { 'gcr.io': 'gcloud' } },
  },
];

describe('planAddCredential', () => {
  it.each(cases)('$name', ({ before, storeRegistries, after }) => {
    const plan = planAddCredential(before, { registry, auth, storeRegistries });
    expect(plan.config).toEqual(after);
  });

  it.each(cases)('logout restores the config exactly: $name', ({ before, storeRegistries }) => {
    const plan = planAddCredential(before, { registry, auth, storeRegistries });
    expect(planRemoveCredential(plan.config, plan.change, plan.previousEntry).config).toEqual(before);
  });

  it('never puts the auth itself in the change record', () => {
    const plan = planAddCredential({}, { registry, auth });
    expect(JSON.stringify(plan.change)).not.toContain(auth);
    expect(plan.change.authDigest).toBe(digestAuth(auth));
  });

  it('keeps the replaced entry apart for the backup', () => {
    const old = { auth: 'b2xkOm9sZA==' };
    const plan = planAddCredential({ auths: { [registry]: old } }, { registry, auth });
    expect(plan.previousEntry).toEqual(old);
    expect(plan.change.replacedEntry).toBe(true);
  });

  it('explains a set-aside credsStore', () => {
    const plan = planAddCredential({ credsStore: 'pass' }, { registry, auth, storeRegistries: ['a.io'] });
    expect(plan.notes.join(' ')).toContain('credsStore "pass" set aside until logout');
  });
});

describe('planRemoveCredential', () => {
  it('leaves an entry alone that someone replaced after login', () => {
    const plan = planAddCredential({}, { registry, auth });
    const changed = { auths: { [registry]: { auth: 'bmV3Om5ldw==' } } };
    const removed = planRemoveCredential(changed, plan.change);
    expect(removed.config).toEqual(changed);
    expect(removed.notes[0]).toContain('left as it is');
  });

  it('keeps logins added after ours', () => {
    const plan = planAddCredential({}, { registry, auth });
    const later = { auths: { ...plan.config.auths, 'ghcr.io': { auth: 'eDp5' } } };
    expect(planRemoveCredential(later, plan.change).config).toEqual({
      auths: { 'ghcr.io': { auth: 'eDp5' } },
    });
  });

  it('unwinds two logins to the same registry in reverse order', () => {
    const second = Buffer.from('u:second').toString('base64');
    const first = planAddCredential({}, { registry, auth });
    const again = planAddCredential(first.config, { registry, auth: second });
    const afterSecondLogout = planRemoveCredential(again.config, again.change, again.previousEntry).config;
    expect(afterSecondLogout).toEqual(first.config);
    expect(planRemoveCredential(afterSecondLogout, first.change, first.previousEntry).config).toEqual({});
  });

  it('restores any prior config after add then remove (property)', () => {
    const host = fc.constantFrom('a.io', 'b.io:5000', registry, 'https://index.docker.io/v1/');
    const entry = fc.record({ auth: fc.base64String({ minLength: 4, maxLength: 12 }) });
    const config = fc.record(
      {
        auths: fc.dictionary(host, entry),
        credHelpers: fc.dictionary(host, fc.constantFrom('pass', 'gcloud', 'ecr-login')),
        credsStore: fc.constantFrom('pass', 'desktop'),
        experimental: fc.constant('enabled'),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(config, fc.option(fc.uniqueArray(host), { nil: undefined }), (before, storeRegistries) => {
        const plan = planAddCredential(before, { registry, auth, storeRegistries });
        expect(plan.config.auths?.[registry]).toEqual({ auth });
        expect(plan.config.credHelpers?.[registry]).toBeUndefined();
        expect(plan.config.credsStore).toBeUndefined();
        expect(planRemoveCredential(plan.config, plan.change, plan.previousEntry).config).toEqual(before);
      }),
    );
  });
});
