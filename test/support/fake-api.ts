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
      const status = response.status ?? 200;
      // As the client does: a successful body goes through the request's own reader when it has one.
      const read = status < 300 && request.readBody;
      const body = read ? read(Buffer.from(JSON.stringify(response.body) ?? '')) : response.body;
      return { status, headers: response.headers, body: body as T };
    },
  };
}

/** The value of a query parameter of a recorded request. */
export function queryValue(request: ApiRequest, key: string): string | undefined {
  return request.query?.find(([name]) => name === key)?.[1];
}

/**
 * A fake SWR list endpoint: `records` paged by offset/limit, reporting `total` in Content-Range. A `cap`
 * serves at most that many records per page whatever `limit` asks; an offset that is not a multiple of
 * `limit` fails (SWR answers 400).
 */
export function swrListApi(
  records: readonly unknown[],
  total = records.length,
  cap = Number.POSITIVE_INFINITY,
) {
  return fakeApi((request) => {
    const offset = Number(queryValue(request, 'offset'));
    const limit = Number(queryValue(request, 'limit'));
    if (offset % limit !== 0) throw new Error(`400: offset ${offset} is not a multiple of limit ${limit}`);
    const page = records.slice(offset, offset + Math.min(limit, cap));
    return { headers: { 'content-range': `${offset}-${page.length}/${total}` }, body: page };
  });
}

/** A fake CCR list endpoint: `records` paged by pageNo/pageSize under `itemsKey`, reporting `total`. */
export function ccrListApi(records: readonly unknown[], itemsKey: string, total = records.length) {
  return fakeApi((request) => {
    const pageNo = Number(queryValue(request, 'pageNo'));
    const pageSize = Number(queryValue(request, 'pageSize'));
    const items = records.slice((pageNo - 1) * pageSize, pageNo * pageSize);
    return { headers: {}, body: { total, pageNo, pageSize, [itemsKey]: items } };
  });
}
