import { afterEach, describe, expect, it, vi } from 'vitest';
import { forgetSecrets, maskSecret, redact } from '../../../src/core/redact/secrets.ts';

afterEach(() => {
  forgetSecrets();
  vi.restoreAllMocks();
});

/** The `::add-mask::` commands the runner would receive on stdout while fn runs. */
function masksSentToRunner(fn: () => void): string[] {
  const lines: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    lines.push(String(chunk));
    return true;
  });
  fn();
  vi.restoreAllMocks();
  return lines
    .join('')
    .split(/\r?\n/)
    .filter((line) => line.startsWith('::add-mask::'))
    .map(unescapeCommandValue);
}

/** Undoes the runner's command escaping (% CR LF), as the runner does. */
function unescapeCommandValue(line: string): string {
  return line.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

describe('maskSecret', () => {
  it('sends the raw, base64 and percent-encoded forms to the runner once', () => {
    const masks = masksSentToRunner(() => {
      maskSecret('pa ss/word');
      maskSecret('pa ss/word');
    });
    expect(masks).toEqual([
      '::add-mask::pa ss/word',
      `::add-mask::${Buffer.from('pa ss/word').toString('base64')}`,
      `::add-mask::${encodeURIComponent('pa ss/word')}`,
    ]);
  });

  it('ignores empty values', () => {
    const masks = masksSentToRunner(() => {
      expect(maskSecret('')).toBe('');
      expect(maskSecret(undefined)).toBeUndefined();
    });
    expect(masks).toEqual([]);
  });
});

describe('redact', () => {
  it('replaces every known form of a secret', () => {
    masksSentToRunner(() => maskSecret('s3cr3t+key'));
    const text = `raw s3cr3t+key b64 ${Buffer.from('s3cr3t+key').toString('base64')} url s3cr3t%2Bkey`;
    expect(redact(text)).toBe('raw *** b64 *** url ***');
  });
});
