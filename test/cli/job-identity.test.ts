// Which job the CLI runs in, from GitLab's and Jenkins' own variables.
import { describe, expect, it } from 'vitest';
import { isValidOwner } from '../../src/actions/sync-whitelist/marker.ts';
import { jobIdentity } from '../../src/cli/job-identity.ts';

describe('jobIdentity', () => {
  it.each([
    [{ CI_JOB_ID: '4711' }, { key: 'gitlab-4711', runId: 'gitlab-4711', runnerName: 'GitLab CI job' }],
    [
      { BUILD_TAG: 'jenkins-team/app/main-12', BUILD_NUMBER: '12' },
      { key: 'jenkins-team_app_main-12', runId: 'jenkins-12', runnerName: 'Jenkins build' },
    ],
    [{}, { key: 'shell', runId: 'shell-99', runnerName: 'registry-actions CLI' }],
  ])('%j → %j', (env, identity) => {
    expect(jobIdentity(env, 99)).toEqual(identity);
  });

  it('gives run ids that allowlist markers accept, whatever the variables hold', () => {
    for (const env of [{ CI_JOB_ID: '12 34/$(x)' }, { BUILD_TAG: 'x', BUILD_NUMBER: '../../7' }]) {
      expect(isValidOwner(jobIdentity(env).runId.slice(0, 32)), JSON.stringify(env)).toBe(true);
    }
  });
});
