// The calls sync-whitelist makes on a CCR enterprise instance: its public allowlist and VPC private links.
import type { ApiClient } from '../../core/http/types.ts';
import type { InstanceAllowlist } from '../seam/allowlist.ts';
import { createPrivateLink, deletePrivateLink, listPrivateLinks } from './private-links.ts';
import { addWhitelistItem, deleteWhitelistItems, getPublicLinks, setPublicAccess } from './public-links.ts';

/** The allowlist and private links of CCR enterprise instance `instanceId`. */
export function ccrInstanceAllowlist(api: ApiClient, instanceId: string): InstanceAllowlist {
  return {
    read: () => getPublicLinks(api, instanceId),
    setPublicAccess: (action) => setPublicAccess(api, instanceId, action),
    add: (item) => addWhitelistItem(api, instanceId, item),
    remove: (ipAddrs, options) => deleteWhitelistItems(api, instanceId, ipAddrs, options),
    privateLinks: {
      list: () => listPrivateLinks(api, instanceId),
      create: (link) => createPrivateLink(api, instanceId, link),
      delete: (link) => deletePrivateLink(api, instanceId, link),
    },
  };
}
