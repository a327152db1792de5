// sync-whitelist on CCR: an enterprise instance's public allowlist and VPC private links (the personal
// edition has neither).
import type { InputReader } from '../../core/action/input-reader.ts';
import type { ApiClient } from '../../core/http/types.ts';
import type { AllowlistSupport, AllowlistTarget, InstanceAllowlist } from '../seam/allowlist.ts';
import type { ConnectOptions } from '../seam/connection.ts';
import { connectCcr } from './connect.ts';
import { type CcrEnterpriseConnection, enterpriseOnly, readCcrConnection } from './connection.ts';
import { parsePrivateLinkLines } from './private-link-lines.ts';
import { createPrivateLink, deletePrivateLink, listPrivateLinks } from './private-links.ts';
import { addWhitelistItem, deleteWhitelistItems, getPublicLinks, setPublicAccess } from './public-links.ts';

/** A CCR enterprise instance whose allowlist to manage, as read from the inputs. */
class CcrAllowlistTarget implements AllowlistTarget {
  readonly connection: CcrEnterpriseConnection;
  readonly instanceId: string;

  constructor(connection: CcrEnterpriseConnection) {
    this.connection = connection;
    this.instanceId = connection.instanceId;
  }

  connect(options?: ConnectOptions): Promise<ApiClient> {
    return connectCcr(this.connection, options);
  }

  allowlist(api: ApiClient): InstanceAllowlist {
    return ccrInstanceAllowlist(api, this.instanceId);
  }
}

export const ccrAllowlist: AllowlistSupport = {
  scope: 'CCR enterprise',
  read(reader: InputReader): CcrAllowlistTarget {
    const connection = enterpriseOnly(
      readCcrConnection(reader),
      "Input 'instance-id' is required: the CCR enterprise instance (ccr-xxxxxxxx).",
    );
    return new CcrAllowlistTarget(connection);
  },
  parsePrivateLinks: parsePrivateLinkLines,
};

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
