import type { SharedBreakerView } from '@resilient-llm/policies';
import { textToNumber } from './number-text';

/** The view a stored breaker value (`openUntil probeLeaseUntil`) describes at `now`. */
export function parseBreakerView(text: unknown, now: number): SharedBreakerView {
  const [openText, leaseText] = typeof text === 'string' ? text.split(' ') : [];
  const openUntil = openText === undefined ? 0 : textToNumber(openText) || 0;
  const probeLeaseUntil = leaseText === undefined ? 0 : textToNumber(leaseText) || 0;
  return { openUntil, probeLeaseUntil: probeLeaseUntil > now ? probeLeaseUntil : 0 };
}

/** A published change (`openUntil probeLeaseUntil key`) as its key and view; undefined if malformed. */
export function parseBreakerChange(
  message: string,
): { key: string; view: SharedBreakerView } | undefined {
  const match = /^(\S+) (\S+) (.*)$/s.exec(message);
  if (!match) return undefined;
  const [, openText, leaseText, key] = match;
  return {
    key: key!,
    view: { openUntil: textToNumber(openText!), probeLeaseUntil: textToNumber(leaseText!) },
  };
}
