import { describe, expect, it } from 'vitest';
import { deleteHeader, findHeader, setHeader, withHost } from '../../../src/core/signing/header-lookup.ts';

describe('header lookup', () => {
  it('finds a header whatever the case of its name', () => {
    expect(findHeader({ 'Content-Type': 'a' }, 'content-type')).toBe('a');
    expect(findHeader({}, 'host')).toBeUndefined();
  });

  it('sets a header once, replacing copies under another case', () => {
    const headers: Record<string, string> = { 'x-sdk-date': 'old', 'X-SDK-DATE': 'older' };
    setHeader(headers, 'X-Sdk-Date', 'new');
    expect(headers).toEqual({ 'X-Sdk-Date': 'new' });
  });

  it('deletes a header whatever the case of its name', () => {
    const headers: Record<string, string> = { authorization: 'a', Accept: 'b' };
    deleteHeader(headers, 'Authorization');
    expect(headers).toEqual({ Accept: 'b' });
  });

  it('adds host from the URL with a non-default port only', () => {
    expect(withHost({}, new URL('https://swr.example.com:443/x'))).toEqual({ host: 'swr.example.com' });
    expect(withHost({}, new URL('http://127.0.0.1:8123/x'))).toEqual({ host: '127.0.0.1:8123' });
    expect(withHost({ Host: 'given' }, new URL('http://127.0.0.1:8123/x'))).toEqual({ Host: 'given' });
  });
});
