import { describe, expect, it } from 'vitest';
import { parseErrorBody } from '../../../src/core/errors/parse-error-body.ts';

describe('parseErrorBody', () => {
  it.each([
    [
      'SWR {"error_code","error_msg"}',
      { error_code: 'SVCSTG.SWR.4001010', error_msg: 'Namespace not found' },
      { code: 'SVCSTG.SWR.4001010', message: 'Namespace not found' },
    ],
    [
      'SWR [{"errorCode","errorMessage","detail"}]',
      [{ errorCode: 'SVCSTG.SWR.4001048', errorMessage: 'Failed to get Token from Context', detail: '' }],
      { code: 'SVCSTG.SWR.4001048', message: 'Failed to get Token from Context' },
    ],
    [
      'SWR array with a detail',
      [{ errorCode: 'SWR.0106', errorMessage: 'Invalid tag', detail: 'tag v1 does not exist' }],
      { code: 'SWR.0106', message: 'Invalid tag: tag v1 does not exist' },
    ],
    [
      'IAM {"error":{"code","message","title"}}',
      { error: { code: 401, message: 'The username or password is wrong.', title: 'Unauthorized' } },
      { code: '401', message: 'The username or password is wrong.' },
    ],
    [
      'IAM error with a title only',
      { error: { code: 'IAM.0001', title: 'Forbidden' } },
      { code: 'IAM.0001', message: 'Forbidden' },
    ],
    [
      'API gateway {"error_code","error_msg","request_id"}',
      { error_code: 'APIGW.0301', error_msg: 'Incorrect IAM authentication information', request_id: 'gw-1' },
      { code: 'APIGW.0301', message: 'Incorrect IAM authentication information', requestId: 'gw-1' },
    ],
    [
      'Baidu {"code","message","requestId"}',
      { code: 'AccessDenied', message: 'Access denied.', requestId: 'bce-42' },
      { code: 'AccessDenied', message: 'Access denied.', requestId: 'bce-42' },
    ],
  ])('reads %s', (_name, body, expected) => {
    expect(parseErrorBody(body)).toEqual(expected);
  });

  it.each([
    ['nothing', undefined],
    ['a string', 'oops'],
    ['an empty object', {}],
    ['an empty array', []],
    ['unrelated fields', { items: [1, 2] }],
    ['fields of the wrong type', { code: { nested: true }, message: ['x'] }],
  ])('gives nothing for %s', (_name, body) => {
    expect(parseErrorBody(body)).toEqual({});
  });
});
