import { describe, expect, it } from 'vitest';
import { readResponse } from '../../../src/core/http/read-response.ts';
import { rawResponse } from '../../../src/core/http/send-once.ts';
import type { ApiRequest } from '../../../src/core/http/types.ts';

const request: ApiRequest = {
  method: 'POST',
  path: '/v1/instances/ccr-1/credential',
  operation: 'create a password',
};
const cutOff = rawResponse(
  200,
  { 'content-type': 'application/json' },
  Buffer.from('{"password":"Sup3rSecr'),
);

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
    const raw = rawResponse(500, {}, Buffer.from('{"detail":"Sup3rSecr"}'));
    const result = readResponse(raw, { ...request, secretResponse: true });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.failure.providerMessage).not.toContain('Sup3r');
  });

  it("gives a successful body's bytes to the request's reader, and its text to JSON.parse otherwise", () => {
    const raw = rawResponse(200, {}, Buffer.from('[{"Tag":"é"}]'));
    const seen: string[] = [];
    const readBody = (body: Uint8Array) => seen.push(Buffer.from(body).toString('hex'));
    expect(readResponse(raw, { ...request, readBody })).toMatchObject({ ok: true, response: { body: 1 } });
    expect(seen).toEqual([Buffer.from('[{"Tag":"é"}]').toString('hex')]);
    expect(readResponse(raw, request)).toMatchObject({ ok: true, response: { body: [{ Tag: 'é' }] } });
  });

  it('makes a body its reader throws on "not JSON", quoting the text', () => {
    const raw = rawResponse(200, { 'content-type': 'application/json' }, Buffer.from('[{"Tag":'));
    const readBody = () => {
      throw new SyntaxError('cut off');
    };
    const result = readResponse(raw, { ...request, readBody });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.failure.providerMessage).toContain(
        'the response is not JSON (application/json): [{"Tag":',
      );
  });

  it('reads a body of JSON whitespace as no body, and any other blank as not JSON, as JSON.parse does', () => {
    const answer = (text: string) =>
      readResponse(rawResponse(200, { 'content-type': 'application/json' }, Buffer.from(text)), request);
    for (const blank of ['', ' ', '\r\n\t '])
      expect(answer(blank)).toMatchObject({ ok: true, response: { body: undefined } });
    for (const other of ['\v', '\u00a0', '\ufeff', '\u2028']) {
      expect(() => JSON.parse(other)).toThrow(SyntaxError);
      const result = answer(other);
      expect(result.ok).toBe(false);
      if (!result.ok)
        expect(result.failure.providerMessage).toContain('the response is not JSON (application/json)');
    }
  });
});
