import {
  defaultFaultRule,
  defaultFaultWindow,
  defaultLatencyConfig,
  defaultModelConfig,
  defaultRateLimitConfig,
} from './defaults';
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
    merged.latency?.firstTokenMedianMs ?? defaultLatencyConfig.firstTokenMedianMs;
  return {
    name,
    contextWindow: merged.contextWindow ?? defaultModelConfig.contextWindow,
    responseTokens: merged.responseTokens ?? defaultModelConfig.responseTokens,
    embeddingDimensions: merged.embeddingDimensions ?? defaultModelConfig.embeddingDimensions,
    rateLimit: resolveRateLimit(merged.rateLimit),
    sharedPool: merged.sharedPool ? resolveRateLimit(merged.sharedPool) : undefined,
    firstTokenMedianMs,
    firstTokenP99Ms: merged.latency?.firstTokenP99Ms ?? firstTokenMedianMs,
    tokensPerSecond: merged.latency?.tokensPerSecond ?? defaultLatencyConfig.tokensPerSecond,
    faults: (merged.faults ?? []).map(resolveFaultRule),
  };
}

function resolveRateLimit(limit: RateLimitConfig | undefined): ResolvedRateLimit {
  return {
    kind: limit?.kind ?? defaultRateLimitConfig.kind,
    requestsPerWindow: limit?.requestsPerWindow ?? defaultRateLimitConfig.requestsPerWindow,
    tokensPerWindow: limit?.tokensPerWindow ?? defaultRateLimitConfig.tokensPerWindow,
    windowMs: limit?.windowMs ?? defaultRateLimitConfig.windowMs,
  };
}

/** Applies the defaults of one fault rule. */
function resolveFaultRule(rule: FaultRule): ResolvedFaultRule {
  const probability = rule.probability ?? defaultFaultRule.probability;
  const windows = rule.windows?.map((window) => ({
    startMs: window.startMs,
    endMs: window.endMs ?? defaultFaultWindow.endMs,
  }));
  switch (rule.type) {
    case 'server-error':
      return { ...rule, probability, windows, status: rule.status ?? defaultFaultRule.status };
    case 'rate-limit':
      return {
        ...rule,
        probability,
        windows,
        retryAfterMs: rule.retryAfterMs ?? defaultFaultRule.retryAfterMs,
      };
    case 'slow-first-token': {
      const medianMs = rule.medianMs ?? defaultFaultRule.medianMs;
      return { ...rule, probability, windows, medianMs, p99Ms: rule.p99Ms ?? medianMs * 10 };
    }
    case 'stall':
      return {
        ...rule,
        probability,
        windows,
        afterTokens: rule.afterTokens ?? defaultFaultRule.afterTokens,
        durationMs: rule.durationMs ?? defaultFaultRule.durationMs,
      };
    case 'drop':
    case 'malformed-chunk':
      return {
        ...rule,
        probability,
        windows,
        afterTokens: rule.afterTokens ?? defaultFaultRule.afterTokens,
      };
    default:
      return { ...rule, probability, windows };
  }
}
