// CCR user profile (enterprise supplement, "Docker user name").
import type { ApiClient } from '../../core/http/types.ts';

export interface CcrUserProfile {
  /** The user name for docker login. */
  name?: string;
}

/**
 * `GET /v1/users/profile?userId={userId}` (enterprise supplement): the docker user name of a Baidu
 * Cloud user. The id is part of the call as documented; there is no documented form without it.
 */
export async function getCcrUserProfile(api: ApiClient, userId: string): Promise<CcrUserProfile> {
  const response = await api.request<CcrUserProfile>({
    method: 'GET',
    path: '/v1/users/profile',
    query: [['userId', userId]],
    operation: `read the profile of user ${userId}`,
  });
  return response.body ?? {};
}
