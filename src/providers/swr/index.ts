// Huawei Cloud SWR (SoftWare Repository for Container), as the actions see it.
import type { Provider } from '../seam/provider.ts';
import { swrLogin } from './login.ts';

export const swrProvider: Provider = {
  name: 'swr',
  label: 'SWR',
  login: swrLogin,
};
