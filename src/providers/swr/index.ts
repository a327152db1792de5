// Huawei Cloud SWR (SoftWare Repository for Container), as the actions see it.
import type { Provider } from '../seam/provider.ts';
import { swrNamespaces } from './ensure-namespace/support.ts';
import { swrLogin } from './login.ts';
import { swrTags } from './prune-tags/support.ts';

export const swrProvider: Provider = {
  name: 'swr',
  label: 'SWR',
  login: swrLogin,
  namespaces: swrNamespaces,
  tags: swrTags,
};
