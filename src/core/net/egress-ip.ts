// The runner's public egress address, as lookup services on the internet see it.
import { errorMessage } from '../errors/errors.ts';
import { type FetchTextOptions, fetchText } from './fetch-text.ts';
import type { IpNetwork } from './ip-network.ts';
import { parseLookupAnswer } from './lookup-answer.ts';

/** Which address family to look up: `any` takes what the network prefers. */
export type IpVersion = '4' | '6' | 'any';

/** Lookup services per family, asked in order until one answers with a usable address. */
export const DEFAULT_LOOKUP_URLS: Readonly<Record<IpVersion, readonly string[]>> = {
  '4': ['https://api.ipify.org', 'https://ipv4.icanhazip.com', 'https://checkip.amazonaws.com'],
  '6': ['https://api6.ipify.org', 'https://ipv6.icanhazip.com'],
  any: ['https://api64.ipify.org', 'https://icanhazip.com'],
};

export interface DetectEgressIpOptions {
  version: IpVersion;
  /** Lookup URLs asked in order; default DEFAULT_LOOKUP_URLS[version]. */
  urls?: readonly string[];
  /** Time allowed for each lookup. */
  timeoutMs?: number;
  /** A signal that aborts after `ms` (production: AbortSignal.timeout); tests abort deterministically. */
  deadline?: (ms: number) => AbortSignal;
  fetch?: (url: string, options: FetchTextOptions) => Promise<string>;
}

/** The egress address and the lookup URL that reported it. */
export interface EgressIp {
  ip: IpNetwork;
  source: string;
}

/** No lookup service gave a usable address; `attempts` says what each one did. */
export class EgressIpError extends Error {
  override readonly name = 'EgressIpError';
  readonly attempts: readonly string[];

  constructor(version: IpVersion, attempts: readonly string[]) {
    const family = version === 'any' ? 'IPv4 or IPv6' : `IPv${version}`;
    super(
      `Could not detect the runner's public ${family} address: ${attempts.join('; ')}. ` +
        `Set ip-lookup-url to a reachable service, give the address as runner-ip, or check ip-version.`,
    );
    this.attempts = attempts;
  }
}

/** Asks each lookup URL in turn (each bounded by timeoutMs) and returns the first usable answer. */
export async function detectEgressIp(options: DetectEgressIpOptions): Promise<EgressIp> {
  const {
    version,
    timeoutMs = 5000,
    deadline = (ms) => AbortSignal.timeout(ms),
    fetch = fetchText,
  } = options;
  const urls = options.urls?.length ? options.urls : DEFAULT_LOOKUP_URLS[version];
  const family = version === 'any' ? 0 : Number(version) === 4 ? 4 : 6;
  const attempts: string[] = [];
  for (const url of urls) {
    try {
      const text = await fetch(url, { family, signal: deadline(timeoutMs) });
      const ip = parseLookupAnswer(text);
      const problem = ip ? unusable(ip, version) : 'answered no IP address';
      if (ip && !problem) return { ip, source: url };
      attempts.push(`${url} ${problem}`);
    } catch (error) {
      attempts.push(`${url} failed (${describeFailure(error, timeoutMs)})`);
    }
  }
  throw new EgressIpError(version, attempts);
}

function unusable(ip: IpNetwork, version: IpVersion): string | undefined {
  if (version !== 'any' && String(ip.family) !== version) {
    return `answered ${ip.text}, not an IPv${version} address`;
  }
  if (/^(0\.0\.0\.0|::|255\.255\.255\.255)$/.test(ip.address))
    return `answered ${ip.text}, not a host address`;
  return undefined;
}

function describeFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return `no answer within ${timeoutMs} ms`;
  }
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${errorMessage(error)}${cause}`;
}
