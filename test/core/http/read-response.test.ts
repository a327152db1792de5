import { describe, expect, it } from 'vitest';
import { readResponse } from '../../../src/core/http/read-response.ts';
import type { ApiRequest } from '../../../src/core/http/types.ts';

const request: ApiRequest = {
  method: 'POST',
  path: '/v1/instances/ccr-1/credential',
  operation: 'create a password',
};
const cutOff = {
  status: 200,
  headers: { 'content-type': 'application/json' },
  text: '{"password":"Sup3rSecr',
};

describe('readResponse', () => {
  it('quotes an excerpt of a body that is not JSON, to help diagnose a wrong endpoint', () => {
    const result = readResponse(cutOff, request);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.failure.providerMessage).toContain('{"password":"Sup3rSecr');
  });

  it('never quotes the body of a response that carries a credential', () => {
    const result = readResponse(cutOff, { ...request, secretResponse: true });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.failure.providerMessage).not.toContain('Sup3r');
    expect(result.failure.providerMessage).toBe(
      'HTTP 200 OK; the response is not JSON (application/json): 22 bytes, not shown: this response carries a credential',
    );
  });

  it('does not quote an error body without a message when the response carries a credential', () => {
    const raw = { status: 500, headers: {}, text: '{"detail":"Sup3rSecr"}' };
    const result = readResponse(raw, { ...request, secretResponse: true });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.failure.providerMessage).not.toContain('Sup3r');
  });
});
