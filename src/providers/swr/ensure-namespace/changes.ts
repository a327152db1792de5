// The changes an SWR namespace plan holds, with what each call needs.
import type { ChangeText } from '../../seam/namespaces.ts';
import type { SwrUserAuth } from '../permissions.ts';
import type { SwrRepositorySettings } from '../repositories.ts';

/** One change, done or to be done, with what the executor needs to make it. */
export type SwrChange =
  | (ChangeText & { action: 'create namespace' | 'delete namespace' })
  | (ChangeText & {
      action: 'create repository' | 'update repository';
      repository: string;
      settings: SwrRepositorySettings;
    })
  | (ChangeText & { action: 'delete repository'; repository: string })
  | (ChangeText & {
      action: 'grant permission' | 'update permission' | 'revoke permission';
      user: SwrUserAuth;
    });
