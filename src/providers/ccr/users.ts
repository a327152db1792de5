// CCR user profile (enterprise supplement, "Docker user name").
import type { ApiClient } from '../../core/http/types.ts';

export interface CcrUserProfile {
  /** The user name for docker login. */
  name?: string;
}

/**
 * `GET /v1/users/profile?userId=`: the docker user name of a Baidu Cloud user; without a user id,
 * the signed-in user (the owner of the AK/SK).
 */
export async function getCcrUserProfile(api: ApiClient, userId?: string): Promise<CcrUserProfile> {
  const response = await api.request<CcrUserProfile>({
    method: 'GET',
    path: '/v1/users/profile',
    ...(userId ? { query: [['userId', userId]] as const } : {}),
    operation: userId ? `read the profile of user ${userId}` : 'read the profile of the signed-in user',
  });
  return response.body ?? {};
}
