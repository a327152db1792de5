import type { ApiClient, ApiRequest, ApiResponse } from '../../src/core/http/types.ts';

/** An ApiClient answering from a function, recording every request: for code that only pages or composes calls. */
export function fakeApi(
  answer: (request: ApiRequest) => Omit<ApiResponse, 'status'> & { status?: number },
): ApiClient & { requests: ApiRequest[] } {
  const requests: ApiRequest[] = [];
  return {
    provider: 'SWR',
    baseUrl: new URL('http://127.0.0.1:1'),
    requests,
    async request<T>(request: ApiRequest): Promise<ApiResponse<T>> {
      requests.push(request);
      const response = answer(request);
      return { status: response.status ?? 200, headers: response.headers, body: response.body as T };
    },
  };
}

/** The value of a query parameter of a recorded request. */
export function queryValue(request: ApiRequest, key: string): string | undefined {
  return request.query?.find(([name]) => name === key)?.[1];
}
