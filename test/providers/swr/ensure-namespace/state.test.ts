import { describe, expect, it } from 'vitest';
import { NamespaceTakenError } from '../../../../src/providers/seam/namespaces.ts';
import { confirmSwrNamespaceVisible } from '../../../../src/providers/swr/ensure-namespace/state.ts';
import { fakeApi, queryValue } from '../../../support/fake-api.ts';

/** An SWR namespace list answering the authorized and the visible (`mode::visible`) lookups separately. */
function namespaceLists(authorized: string[], visible: string[]) {
  return fakeApi((request) => {
    const filter = queryValue(request, 'filter') ?? '';
    const names = filter.includes('mode::visible') ? visible : authorized;
    return { headers: {}, body: { namespaces: names.map((name) => ({ name, auth: 7 })) } };
  });
}

describe('confirmSwrNamespaceVisible (after a 409 on create)', () => {
  it('accepts a namespace these credentials hold a permission on', async () => {
    await expect(confirmSwrNamespaceVisible(namespaceLists(['team'], ['team']), 'team')).resolves.toBe(
      undefined,
    );
  });

  it('refuses a namespace seen only through another account’s shared repositories', async () => {
    const api = namespaceLists([], ['team']);
    const confirmed = confirmSwrNamespaceVisible(api, 'team');
    await expect(confirmed).rejects.toBeInstanceOf(NamespaceTakenError);
    await expect(confirmed).rejects.toThrow(/no permission on it/);
  });

  it('refuses a namespace these credentials cannot see at all', async () => {
    await expect(confirmSwrNamespaceVisible(namespaceLists([], []), 'team')).rejects.toThrow(
      /not visible to these credentials/,
    );
  });
});
