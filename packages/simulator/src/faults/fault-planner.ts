import type { ResolvedFaultRule } from '../config/resolved-types';
import type { FaultType } from '../config/types';
import { drawLogNormal } from '../random/log-normal';
import { mulberry32, type RandomSource } from '../random/mulberry32';
import type { FaultPlan, ResponseFault } from './fault-plan';

/** What a planner needs: fault rules and the base latency, with defaults applied. */
export interface FaultPlannerSettings {
  readonly faults: readonly ResolvedFaultRule[];
  readonly firstTokenMedianMs: number;
  readonly firstTokenP99Ms: number;
}

/** Draws the faults of successive requests from one seeded sequence. */
export interface FaultPlanner {
  /** Faults of the next request, `elapsedMs` after the start (for scheduled windows). */
  plan(elapsedMs: number): FaultPlan;
}

/**
 * Creates a planner. Every request consumes the same count of draws whatever fires and
 * whichever windows are open, so a seed reproduces the same faults request by request.
 */
export function createResolvedFaultPlanner(
  settings: FaultPlannerSettings,
  seed: number,
): FaultPlanner {
  const random = mulberry32(seed);
  return { plan: (elapsedMs) => planRequest(settings, random, elapsedMs) };
}

function planRequest(
  settings: FaultPlannerSettings,
  random: RandomSource,
  elapsedMs: number,
): FaultPlan {
  let firstTokenDelayMs = drawLogNormal(
    random,
    settings.firstTokenMedianMs,
    settings.firstTokenP99Ms,
  );
  let response: ResponseFault | undefined;
  let stall: FaultPlan['stall'];
  let drop: FaultPlan['drop'];
  let malformed: FaultPlan['malformed'];
  const fired: FaultType[] = [];
  for (const rule of settings.faults) {
    const draw = random();
    const slowDelay =
      rule.type === 'slow-first-token' ? drawLogNormal(random, rule.medianMs, rule.p99Ms) : 0;
    if (!isActive(rule, elapsedMs) || draw >= rule.probability) continue;
    switch (rule.type) {
      case 'slow-first-token':
        firstTokenDelayMs = Math.max(firstTokenDelayMs, slowDelay);
        break;
      case 'stall':
        if (stall) continue;
        stall = { afterTokens: rule.afterTokens, durationMs: rule.durationMs };
        break;
      case 'drop':
        if (drop) continue;
        drop = { afterTokens: rule.afterTokens };
        break;
      case 'malformed-chunk':
        if (malformed) continue;
        malformed = { afterTokens: rule.afterTokens };
        break;
      default:
        if (response) continue;
        response = toResponseFault(rule);
    }
    fired.push(rule.type);
  }
  return { response, firstTokenDelayMs, stall, drop, malformed, fired };
}

function isActive(rule: ResolvedFaultRule, elapsedMs: number): boolean {
  if (!rule.windows) return true;
  return rule.windows.some((window) => elapsedMs >= window.startMs && elapsedMs < window.endMs);
}

function toResponseFault(rule: ResolvedFaultRule): ResponseFault | undefined {
  switch (rule.type) {
    case 'server-error':
      return { type: 'server-error', status: rule.status };
    case 'rate-limit':
      return { type: 'rate-limit', retryAfterMs: rule.retryAfterMs };
    case 'overloaded':
    case 'insufficient-quota':
    case 'connection-reset':
    case 'hang':
      return { type: rule.type };
    default:
      return undefined;
  }
}
