import { describe, expect, it } from 'vitest';
import { readPruneInputs } from '../../../src/actions/prune-tags/inputs.ts';
import { InputReader } from '../../../src/core/action/input-reader.ts';
import { InputError } from '../../../src/core/errors/errors.ts';

const swr = {
  provider: 'swr',
  region: 'cn-north-4',
  'access-key-id': 'HWEMUAK00000000000001',
  'secret-access-key': 'hw-emu-secret-key-0123456789',
  namespace: 'team',
  repositories: 'web',
  'older-than': '30d',
};
const ccr = {
  provider: 'ccr',
  region: 'bj',
  'access-key-id': 'bce-emu-ak-00000001',
  'secret-access-key': 'bce-emu-sk-0123456789',
  'instance-id': 'ccr-1a2b3c4d',
  username: 'ci',
  namespace: 'team',
  repositories: 'web',
  'keep-last': '10',
};

const runnerEnv = { GITHUB_REPOSITORY: 'example/app' };
const read = (inputs: Record<string, string>) => readPruneInputs(InputReader.fromRecord(inputs, runnerEnv));

function inputError(inputs: Record<string, string>): InputError {
  try {
    read(inputs);
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('readPruneInputs', () => {
  it.each([
    [swr, '..', 'an SWR organization'],
    [swr, 'Team', 'an SWR organization'],
    [ccr, '../8', 'a CCR namespace'],
  ])('refuses a namespace that breaks the provider rules before any call (%#)', (base, namespace, kind) => {
    expect(() => read({ ...base, namespace })).toThrow(
      `Input 'namespace' must be ${kind} name, but ${JSON.stringify(namespace)}`,
    );
  });

  it('applies the documented defaults', () => {
    const inputs = read(swr);
    expect(inputs).toMatchObject({
      namespace: 'team',
      repositories: ['web'],
      mode: 'delete',
      maxDeletions: 1000,
      concurrency: 256,
      rateLimit: 0,
      dryRun: false,
    });
    expect(inputs.rules).toMatchObject({ include: [], exclude: [], keep: [], keepLast: 0, keepSemver: 0 });
    expect(inputs.warnings).toEqual([]);
    expect(inputs.keepGithub).toBeUndefined();
    expect(inputs.connection.provider).toBe('swr');
  });

  it('reads patterns one per line (commas belong to the regex) and repositories by comma or line', () => {
    const inputs = read({
      ...swr,
      'use-regex': 'true',
      repositories: 'web, api\ntools/*',
      keep: '^latest$\n^v\\d{1,3}\\.\\d+$\n# a comment',
      'older-than': '2w',
      'keep-last': '3',
    });
    expect(inputs.repositories).toEqual(['web', 'api', 'tools/*']);
    expect(inputs.rules.keep.map((p) => p.source)).toEqual(['^latest$', '^v\\d{1,3}\\.\\d+$']);
    expect(inputs.rules.olderThan).toEqual({ ms: 14 * 86_400_000, text: '2w' });
  });

  it('reads older-than in the one duration grammar, minutes included, and refuses under an hour', () => {
    expect(read({ ...swr, 'older-than': '90m' }).rules.olderThan).toEqual({ ms: 90 * 60_000, text: '90m' });
    expect(inputError({ ...swr, 'older-than': '3m' }).message).toBe(
      `Input 'older-than' must be at least 1h, got "3m": m means minutes; there is no unit for months, so write days (e.g. 90d).`,
    );
    expect(inputError({ ...swr, 'older-than': '3mo' }).message).toBe(
      `Input 'older-than' must be a duration such as 30d, 12h, 2w or 1w3d (w weeks, d days, h hours, m minutes), got "3mo".`,
    );
  });

  it('names the input and the rule for malformed values', () => {
    expect(inputError({ ...swr, 'keep-last': 'ten' }).message).toBe(
      `Input 'keep-last' must be a whole number ≥ 0, got "ten".`,
    );
    expect(inputError({ ...swr, 'older-than': '1m' }).inputs).toEqual(['older-than']);
    expect(inputError({ ...swr, include: '(', 'use-regex': 'true' }).message).toMatch(
      /^Input 'include' line 1 is not a valid regular expression/,
    );
    expect(inputError({ ...swr, include: '^pr-' }).message).toMatch(
      /^Input 'include' line 1 "\^pr-" is a glob pattern \(use-regex is false\)/,
    );
    expect(inputError({ ...swr, 'keep-github': 'tags' }).message).toBe(
      `Input 'keep-github' takes releases, deployments, pull-requests or all, got "tags".`,
    );
    expect(inputError({ ...swr, concurrency: '0' }).inputs).toEqual(['concurrency']);
    expect(inputError({ ...swr, repositories: '../etc' }).inputs).toEqual(['repositories']);
    expect(inputError({ ...swr, mode: 'purge' }).inputs).toEqual(['mode']);
  });

  it('refuses rules that would delete every tag unless include names them', () => {
    const error = inputError({ ...swr, 'older-than': '' });
    expect(error.inputs).toEqual(['keep-last', 'older-than', 'include']);
    expect(error.message).toMatch(/^Input 'keep-last' is 0 and 'older-than' is empty, so every tag/);
    expect(read({ ...swr, 'older-than': '', include: 'pr-*' }).rules.keepLast).toBe(0);
  });

  it('needs an enterprise instance and exact repository names on CCR', () => {
    expect(read(ccr).connection).toMatchObject({ provider: 'ccr', instanceId: 'ccr-1a2b3c4d' });
    expect(inputError({ ...ccr, 'instance-id': '' })).toMatchObject({
      inputs: ['instance-id'],
      message: expect.stringMatching(/^Input 'instance-id' is required for prune-tags on CCR/),
    });
    expect(inputError({ ...ccr, repositories: 'web-*' }).message).toMatch(/"web-\*" is a pattern/);
  });

  it('reads manifests on CCR from the public domain unless registry-access says private', () => {
    expect(read(ccr).target).toMatchObject({ registryAccess: 'public' });
    expect(read({ ...ccr, 'registry-access': 'private' }).target).toMatchObject({
      registryAccess: 'private',
    });
    expect(inputError({ ...ccr, 'registry-access': 'vpc' }).message).toBe(
      `Input 'registry-access' must be one of public, private, got "vpc".`,
    );
  });

  it('needs the docker user on CCR (username or user-id), as manifest lists are read from the registry', () => {
    expect(read({ ...ccr, username: '', 'user-id': 'u-1' }).target).toMatchObject({
      user: { userId: 'u-1' },
    });
    expect(read(ccr).target).toMatchObject({ user: { username: 'ci' } });
    const error = inputError({ ...ccr, username: '' });
    expect(error.inputs).toEqual(['username', 'user-id']);
    expect(error.message).toMatch(/^Inputs 'username' and 'user-id' are both empty: prune-tags on CCR reads/);
    expect(error.message).toContain("CCR's tag API does not tell manifest lists from images");
  });

  it('translates the rules to an SWR policy in retention-policy mode, refusing what SWR cannot say', () => {
    const inputs = read({
      ...swr,
      'older-than': '',
      mode: 'retention-policy',
      'keep-last': '5',
      keep: 'latest\nv*.*',
    });
    expect(inputs.retention?.settings).toEqual({
      algorithm: 'or',
      rules: [
        {
          template: 'tag_rule',
          params: { num: '5' },
          tag_selectors: [
            { kind: 'regexp', pattern: '^latest$' },
            { kind: 'regexp', pattern: '^v.*\\..*$' },
          ],
        },
      ],
    });
    expect(inputError({ ...ccr, mode: 'retention-policy' })).toMatchObject({
      inputs: ['mode', 'provider'],
      message: "Input 'mode' is retention-policy, an SWR feature; set 'provider' to swr or use mode: delete.",
    });
    expect(
      inputError({ ...swr, mode: 'retention-policy', 'keep-github': 'releases', 'github-token': 'ghs_x' }),
    ).toMatchObject({
      inputs: ['mode', 'keep-github'],
    });
    expect(inputError({ ...swr, mode: 'retention-policy', include: 'pr-*' })).toMatchObject({
      inputs: ['mode', 'include'],
      message: expect.stringMatching(/^Input 'mode' is retention-policy, which cannot express 'include'/),
    });
  });

  it('reads keep-github with the job token and repository, refusing an empty token', () => {
    const inputs = read({ ...swr, 'keep-github': 'releases, pull-requests', 'github-token': 'ghs_job' });
    expect(inputs.keepGithub).toEqual({
      sources: ['releases', 'pull-requests'],
      token: 'ghs_job',
      repository: { owner: 'example', repo: 'app' },
      apiUrl: 'https://api.github.com',
    });
    expect(read({ ...swr, 'keep-github': 'all', 'github-token': 'ghs_job' }).keepGithub?.sources).toEqual([
      'releases',
      'deployments',
      'pull-requests',
    ]);
    expect(inputError({ ...swr, 'keep-github': 'releases' }).inputs).toEqual(['github-token']);
  });

  it('warns at input time of a pattern that matches every tag', () => {
    expect(read({ ...swr, 'use-regex': 'true', keep: 'v*\n^latest$' }).warnings).toEqual([
      "Input 'keep' pattern /v*/ matches the empty string, and a regular expression matches anywhere in a tag " +
        'unless anchored with ^ and $, so keep keeps every tag and nothing is deleted.',
    ]);
  });
});
