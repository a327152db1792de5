// sync-whitelist on CCR: an enterprise instance's public allowlist and VPC private links (the personal
// edition has neither). The instance is read here, with the inputs; the calls (./instance-allowlist.ts) are
// loaded once they are valid.
import type { InputReader } from '../../core/action/input-reader.ts';
import type { ApiClient } from '../../core/http/types.ts';
import type { AllowlistSupport, AllowlistTarget, InstanceAllowlist } from '../seam/allowlist.ts';
import type { ConnectOptions } from '../seam/connection.ts';
import {
  type CcrEnterpriseConnection,
  connectCcrWhenNeeded,
  enterpriseOnly,
  readCcrConnection,
} from './connection.ts';
import { parsePrivateLinkLines } from './private-link-lines.ts';

/** A CCR enterprise instance whose allowlist to manage, as read from the inputs. */
class CcrAllowlistTarget implements AllowlistTarget {
  readonly connection: CcrEnterpriseConnection;
  readonly instanceId: string;

  constructor(connection: CcrEnterpriseConnection) {
    this.connection = connection;
    this.instanceId = connection.instanceId;
  }

  connect(options?: ConnectOptions): Promise<ApiClient> {
    return connectCcrWhenNeeded(this.connection, options);
  }

  async allowlist(api: ApiClient): Promise<InstanceAllowlist> {
    const { ccrInstanceAllowlist } = await import('./instance-allowlist.ts');
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
