// Baidu Cloud CCR (Container Registry), enterprise instances and the personal edition, as the actions see it.
import type { Provider } from '../seam/provider.ts';
import { ccrNamespaces } from './ensure-namespace/support.ts';
import { ccrLogin } from './login.ts';
import { ccrTags } from './prune-tags.ts';
import { ccrAllowlist } from './sync-whitelist.ts';

export const ccrProvider: Provider = {
  name: 'ccr',
  label: 'CCR',
  login: ccrLogin,
  namespaces: ccrNamespaces,
  tags: ccrTags,
  allowlist: ccrAllowlist,
};
