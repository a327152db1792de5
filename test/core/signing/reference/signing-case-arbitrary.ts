import fc from 'fast-check';
import type { HttpMethod } from '../../../../src/core/http/types.ts';
import type { SigningCase } from './signing-case.ts';

const methods: HttpMethod[] = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];
const origins = [
  'https://swr-api.cn-north-4.myhuaweicloud.com',
  'https://ccr.bj.baidubce.com',
  'http://127.0.0.1:8123',
  'http://[::1]:9000',
];

// Path characters the SDKs take raw. Left out: characters Node's legacy url.parse (used by the Huawei SDK)
// escapes itself before signing (space " ' < > \ ^ ` { | }), and `.`-only segments, which URL resolves.
const pathChars = [...'abcxyz019-_~$:@=!*()+,;%中镜🚢'];
const valueChars = [...'abcXYZ09-_.~ |:+/&=?#%!\'()*,;$@中镜🚢"<>'];
const plainKeyChars = [...'abcdefgh_'];
const encodedKeyChars = [...'abc_ |:中.'];
const headerValueChars = [...'abcXYZ09-_.~ |:+/&=?#%!\'()*,;$@"<>'];

const text = (chars: string[], minLength: number, maxLength: number) =>
  fc.array(fc.constantFrom(...chars), { minLength, maxLength }).map((list) => list.join(''));

const segment = text(pathChars, 1, 8).filter((s) => s.replace(/\./g, '') !== '');

const path = fc
  .tuple(fc.array(segment, { minLength: 0, maxLength: 5 }), fc.boolean())
  .map(([segments, trailing]) => `/${segments.join('/')}${trailing && segments.length > 0 ? '/' : ''}`);

const headerName = fc
  .tuple(
    fc.constantFrom('x-', 'X-Custom-', 'x-bce-', 'x-bce-meta-', 'Content-'),
    text([...'abcdefgh-'], 1, 6),
  )
  .map(([prefix, rest]) => `${prefix}${rest}`)
  .filter((name) => !/^(x-bce-date|x-bce-security-token|content-length)$/i.test(name) && !name.endsWith('-'));

const headerValue = fc
  .tuple(text(headerValueChars, 1, 12), fc.constantFrom('', ' ', '  '))
  .map(([value, pad]) => `${pad}${value}${pad}`)
  .filter((value) => value.trim() !== '');

const body = fc.oneof(
  fc.constant(''),
  fc.object({ maxDepth: 2 }).map((value) => JSON.stringify(value)),
);

/** Random signing cases; repeatedKeys / encodedKeys allow query keys the Baidu JS SDK cannot express. */
export function signingCaseArbitrary(options: { repeatedKeys: boolean; encodedKeys: boolean }) {
  const key = text(options.encodedKeys ? encodedKeyChars : plainKeyChars, 1, 4);
  const pair = fc.tuple(key, text(valueChars, 0, 10));
  const query = options.repeatedKeys
    ? fc.array(pair, { maxLength: 6 })
    : fc.uniqueArray(pair, { maxLength: 6, selector: ([k]) => k });
  const headers = fc
    .uniqueArray(fc.tuple(headerName, headerValue), {
      maxLength: 4,
      selector: ([name]) => name.toLowerCase(),
    })
    .map((entries) => Object.fromEntries(entries));
  return fc.record({
    name: fc.constant('generated'),
    method: fc.constantFrom(...methods),
    origin: fc.constantFrom(...origins),
    path,
    query,
    headers,
    body,
  }) satisfies fc.Arbitrary<SigningCase>;
}
