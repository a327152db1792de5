// One sentence on the request rate of a run: what the throttle found, and how often the registry pushed back.
import type { RateFindings } from '../../core/http/adaptive-rate.ts';
import { plural } from '../../core/text/plural.ts';

/** E.g. "Request rate: peaked at 212/s; the registry's limit was found at about 198/s (3 requests throttled, each retried)." */
export function rateSentence(findings: RateFindings | undefined, throttled: number): string {
  const peak = findings ? `peaked at ${Math.round(findings.peakRate)}/s` : undefined;
  const parts: string[] = [];
  if (peak) parts.push(peak);
  if (findings?.limitFound !== undefined) {
    parts.push(`the registry's limit was found at about ${Math.round(findings.limitFound)}/s`);
  } else if (findings && findings.slowDowns.latency === 0) {
    parts.push('the registry never pushed back');
  }
  if (findings && findings.slowDowns.latency > 0) {
    parts.push(`slowed down ${plural(findings.slowDowns.latency, 'time')} as the registry's latency rose`);
  }
  const retried =
    throttled > 0
      ? ` The registry throttled ${plural(throttled, 'request')} (429 or “too many requests”); each was retried after a wait.`
      : '';
  return parts.length > 0 ? ` Request rate: ${parts.join('; ')}.${retried}` : retried;
}
