// Baidu Cloud CCR (Container Registry), enterprise instances and the personal edition, as the actions see it.
import type { Provider } from '../seam/provider.ts';
import { ccrLogin } from './login.ts';

export const ccrProvider: Provider = {
  name: 'ccr',
  label: 'CCR',
  login: ccrLogin,
};
