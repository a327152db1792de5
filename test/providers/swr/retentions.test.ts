import { describe, expect, it } from 'vitest';
import {
  createSwrRetention,
  deleteSwrRetention,
  listSwrRetentions,
  type SwrRetentionSettings,
  updateSwrRetention,
} from '../../../src/providers/swr/retentions.ts';
import { fakeApi } from '../../support/fake-api.ts';

const settings: SwrRetentionSettings = {
  algorithm: 'or',
  rules: [
    { template: 'tag_rule', params: { num: '10' }, tag_selectors: [{ kind: 'regexp', pattern: '^latest$' }] },
  ],
};

describe('SWR retention policies', () => {
  it('lists, creates, updates and deletes on the repository retentions path', async () => {
    const api = fakeApi((req) => {
      if (req.method === 'GET') return { headers: {}, body: [{ id: 7, ...settings }] };
      if (req.method === 'POST') return { status: 201, headers: {}, body: { id: 8 } };
      return { status: req.method === 'PATCH' ? 201 : 200, headers: {}, body: undefined };
    });
    expect(await listSwrRetentions(api, 'team', 'a/b')).toEqual([{ id: 7, ...settings }]);
    expect(await createSwrRetention(api, 'team', 'a/b', settings)).toBe(8);
    await updateSwrRetention(api, 'team', 'a/b', 7, settings);
    await deleteSwrRetention(api, 'team', 'a/b', 7);
    expect(api.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /v2/manage/namespaces/team/repos/a$b/retentions',
      'POST /v2/manage/namespaces/team/repos/a$b/retentions',
      'PATCH /v2/manage/namespaces/team/repos/a$b/retentions/7',
      'DELETE /v2/manage/namespaces/team/repos/a$b/retentions/7',
    ]);
    expect(api.requests[1]?.body).toEqual(settings);
    expect(api.requests[1]?.retrySafe).toBeUndefined();
  });
});
