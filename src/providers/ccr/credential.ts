// CCR enterprise temporary registry password (enterprise supplement, "Temporary password").

import { ApiError } from '../../core/errors/errors.ts';
import type { ApiClient } from '../../core/http/types.ts';
import { apiPath, pathSegment } from '../../core/path/api-path.ts';
import { maskSecret } from '../../core/redact/secrets.ts';
import { CCR_INSTANCE } from './path-segments.ts';

export interface CcrTemporaryPassword {
  /** Masked as soon as it arrives. */
  password: string;
}

/**
 * Issues a temporary docker password for the instance, valid `durationHours` hours. It cannot be revoked.
 * Never calls `PUT` on the same path: that resets the user's permanent password.
 */
export async function createCcrTemporaryPassword(
  api: ApiClient,
  instanceId: string,
  durationHours: number,
): Promise<CcrTemporaryPassword> {
  const path = apiPath`/v1/instances/${pathSegment(instanceId, CCR_INSTANCE)}/credential`;
  const operation = `create a temporary docker password for instance ${instanceId}`;
  const response = await api.request<{ password?: unknown }>({
    method: 'POST',
    path,
    body: { duration: durationHours },
    operation,
    // A repeat only issues another short-lived password; the first one expires on its own.
    retrySafe: true,
    secretResponse: true,
  });
  const password = response.body?.password;
  if (typeof password !== 'string' || password === '') {
    throw new ApiError({
      provider: 'CCR',
      operation,
      method: 'POST',
      path,
      status: response.status,
      providerMessage: 'the response held no "password"',
    });
  }
  return { password: maskSecret(password) };
}
