import { describe, expect, it } from 'vitest';
import { ListingIncompleteError } from '../../../src/core/errors/errors.ts';
import { listPrivateLinks } from '../../../src/providers/ccr/private-links.ts';
import { deleteWhitelistItems, getPublicLinks } from '../../../src/providers/ccr/public-links.ts';
import { fakeApi } from '../../support/fake-api.ts';

describe('CCR access-control listings', () => {
  it('reads status and allowlist, with a missing description as empty text', async () => {
    const api = fakeApi(() => ({
      headers: {},
      body: {
        domain: 'd.example',
        status: 'opened',
        whitelist: [{ ipAddr: '192.0.2.1' }, { ipAddr: '192.0.2.0/24', description: 'x' }],
      },
    }));
    expect(await getPublicLinks(api, 'ccr-a1')).toEqual({
      domain: 'd.example',
      status: 'opened',
      whitelist: [
        { ipAddr: '192.0.2.1', description: '' },
        { ipAddr: '192.0.2.0/24', description: 'x' },
      ],
    });
    expect(api.requests[0]).toMatchObject({ method: 'GET', path: '/v1/instances/ccr-a1/publiclinks' });
  });

  it.each([undefined, { whitelist: 'nope' }, { whitelist: [{ description: 'no address' }] }])(
    'refuses an allowlist it cannot read completely (%j), so nothing is deleted on its basis',
    async (body) => {
      const api = fakeApi(() => ({ headers: {}, body }));
      await expect(getPublicLinks(api, 'ccr-a1')).rejects.toBeInstanceOf(ListingIncompleteError);
    },
  );

  it('deletes by exact text, marking a once-only delete as not idempotent so it is never repeated', async () => {
    const api = fakeApi(() => ({ headers: {}, body: undefined }));
    await deleteWhitelistItems(api, 'ccr-a1', ['192.0.2.1', '192.0.2.1/32'], { once: true });
    await deleteWhitelistItems(api, 'ccr-a1', ['10.0.0.0/8']);
    expect(api.requests[0]).toMatchObject({
      method: 'DELETE',
      path: '/v1/instances/ccr-a1/publiclinks/whitelist',
      body: { items: ['192.0.2.1', '192.0.2.1/32'] },
      idempotent: false,
    });
    expect(api.requests[1]?.idempotent).toBeUndefined();
  });

  it('reads private links and refuses a malformed list', async () => {
    const good = fakeApi(() => ({
      headers: {},
      body: { domain: 'v', items: [{ vpcID: 'vpc-a', subnetID: 'sbn-b', status: 'failed' }] },
    }));
    expect(await listPrivateLinks(good, 'ccr-a1')).toEqual([
      { vpcID: 'vpc-a', subnetID: 'sbn-b', serviceNetID: '', status: 'failed', ipAddress: '' },
    ]);
    const bad = fakeApi(() => ({ headers: {}, body: { items: [{ vpcID: 'vpc-a' }] } }));
    await expect(listPrivateLinks(bad, 'ccr-a1')).rejects.toBeInstanceOf(ListingIncompleteError);
  });
});
