import { DEFAULT_RATE_LIMIT, FAULT_DEFAULTS, MODEL_DEFAULTS } from './defaults';
import type { ResolvedFaultRule, ResolvedModel, ResolvedRateLimit } from './resolved-types';
import type { FaultRule, ModelConfig, RateLimitConfig } from './types';

/**
 * Merges model settings, later layers winning field by field (`rateLimit`, `sharedPool` and
 * `latency` merge per field; `faults` replace), then applies every default.
 */
export function resolveModel(
  name: string,
  layers: readonly (ModelConfig | undefined)[],
): ResolvedModel {
  const merged: ModelConfig = {};
  for (const layer of layers) {
    if (!layer) continue;
    Object.assign(merged, layer, {
      rateLimit: layer.rateLimit ? { ...merged.rateLimit, ...layer.rateLimit } : merged.rateLimit,
      sharedPool: layer.sharedPool
        ? { ...merged.sharedPool, ...layer.sharedPool }
        : merged.sharedPool,
      latency: layer.latency ? { ...merged.latency, ...layer.latency } : merged.latency,
    });
  }
  const firstTokenMedianMs =
    merged.latency?.firstTokenMedianMs ?? MODEL_DEFAULTS.firstTokenMedianMs;
  return {
    name,
    contextWindow: merged.contextWindow ?? MODEL_DEFAULTS.contextWindow,
    responseTokens: merged.responseTokens ?? MODEL_DEFAULTS.responseTokens,
    embeddingDimensions: merged.embeddingDimensions ?? MODEL_DEFAULTS.embeddingDimensions,
    rateLimit: resolveRateLimit(merged.rateLimit),
    sharedPool: merged.sharedPool ? resolveRateLimit(merged.sharedPool) : undefined,
    firstTokenMedianMs,
    firstTokenP99Ms: merged.latency?.firstTokenP99Ms ?? firstTokenMedianMs,
    tokensPerSecond: merged.latency?.tokensPerSecond ?? MODEL_DEFAULTS.tokensPerSecond,
    faults: (merged.faults ?? []).map(resolveFaultRule),
  };
}

function resolveRateLimit(limit: RateLimitConfig | undefined): ResolvedRateLimit {
  return {
    kind: limit?.kind ?? DEFAULT_RATE_LIMIT.kind,
    requestsPerWindow: limit?.requestsPerWindow ?? DEFAULT_RATE_LIMIT.requestsPerWindow,
    tokensPerWindow: limit?.tokensPerWindow ?? DEFAULT_RATE_LIMIT.tokensPerWindow,
    windowMs: limit?.windowMs ?? DEFAULT_RATE_LIMIT.windowMs,
  };
}

/** Applies the defaults of one fault rule. */
function resolveFaultRule(rule: FaultRule): ResolvedFaultRule {
  const probability = rule.probability ?? FAULT_DEFAULTS.probability;
  const windows = rule.windows?.map((window) => ({
    startMs: window.startMs,
    endMs: window.endMs ?? Infinity,
  }));
  switch (rule.type) {
    case 'server-error':
      return { ...rule, probability, windows, status: rule.status ?? FAULT_DEFAULTS.status };
    case 'rate-limit':
      return {
        ...rule,
        probability,
        windows,
        retryAfterMs: rule.retryAfterMs ?? FAULT_DEFAULTS.retryAfterMs,
      };
    case 'slow-first-token': {
      const medianMs = rule.medianMs ?? FAULT_DEFAULTS.medianMs;
      return { ...rule, probability, windows, medianMs, p99Ms: rule.p99Ms ?? medianMs * 10 };
    }
    case 'stall':
      return {
        ...rule,
        probability,
        windows,
        afterTokens: rule.afterTokens ?? FAULT_DEFAULTS.afterTokens,
        durationMs: rule.durationMs ?? FAULT_DEFAULTS.stallDurationMs,
      };
    case 'drop':
    case 'malformed-chunk':
      return {
        ...rule,
        probability,
        windows,
        afterTokens: rule.afterTokens ?? FAULT_DEFAULTS.afterTokens,
      };
    default:
      return { ...rule, probability, windows };
  }
}
