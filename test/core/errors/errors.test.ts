import { describe, expect, it } from 'vitest';
import { DeletionLimitError } from '../../../src/actions/prune-tags/errors.ts';
import { ApiError, errorMessage } from '../../../src/core/errors/errors.ts';

describe('ApiError', () => {
  it('reads as one line naming provider, operation, status, code and request id', () => {
    const error = new ApiError({
      provider: 'SWR',
      operation: 'delete tag app:v1 in namespace team',
      method: 'DELETE',
      path: '/v2/manage/namespaces/team/repos/app/tags/v1',
      status: 403,
      code: 'SWR.0003',
      providerMessage: 'Insufficient permission',
      requestId: 'req-1',
      hint: 'Check that the credentials may delete images in namespace team.',
    });
    expect(error.message).toBe(
      'SWR delete tag app:v1 in namespace team (DELETE /v2/manage/namespaces/team/repos/app/tags/v1) → 403 ' +
        'SWR.0003 "Insufficient permission" (request id req-1). ' +
        'Check that the credentials may delete images in namespace team.',
    );
    expect(error.name).toBe('ApiError');
    expect(error.status).toBe(403);
  });

  it('says "no response" when the request never got one', () => {
    const error = new ApiError({
      provider: 'CCR',
      operation: 'list projects',
      method: 'GET',
      path: '/v1/ccr/projects',
      status: 0,
      providerMessage: 'connection reset',
    });
    expect(error.message).toBe('CCR list projects (GET /v1/ccr/projects) → no response "connection reset".');
  });
});

describe('errorMessage', () => {
  it('turns any thrown value into text', () => {
    expect(errorMessage(new DeletionLimitError(12, 10))).toContain(
      'deletes 12 tags, more than max-deletions (10)',
    );
    expect(errorMessage('plain')).toBe('plain');
    expect(errorMessage({ a: 1 })).toBe('{"a":1}');
  });
});

describe('ApiError status and code', () => {
  it('names the status once when the provider code only repeats it', () => {
    const error = new ApiError({
      provider: 'IAM',
      operation: 'exchange the GitHub ID token',
      method: 'POST',
      path: '/v3.0/OS-AUTH/id-token/tokens',
      status: 401,
      code: '401',
      providerMessage: 'The ID token has expired.',
    });
    expect(error.message).toBe(
      'IAM exchange the GitHub ID token (POST /v3.0/OS-AUTH/id-token/tokens) → 401 "The ID token has expired.".',
    );
    expect(error.code).toBe('401');
  });
});
