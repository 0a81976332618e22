import type { FaultRule, FaultWindow, RateLimitKind } from './types';

/** A rate limit with every default applied. */
export interface ResolvedRateLimit {
  readonly kind: RateLimitKind;
  readonly requestsPerWindow: number;
  readonly tokensPerWindow: number;
  readonly windowMs: number;
}

type Resolve<Rule> = Rule extends FaultRule
  ? Required<Omit<Rule, 'windows'>> & {
      readonly windows: readonly Required<FaultWindow>[] | undefined;
    }
  : never;

/** A fault rule with every default applied; `windows` stays undefined for always-active rules. */
export type ResolvedFaultRule = Resolve<FaultRule>;

/** A model's behaviour with every default applied. */
export interface ResolvedModel {
  readonly name: string;
  readonly contextWindow: number;
  readonly responseTokens: number;
  readonly embeddingDimensions: number;
  readonly rateLimit: ResolvedRateLimit;
  readonly sharedPool: ResolvedRateLimit | undefined;
  readonly firstTokenMedianMs: number;
  readonly firstTokenP99Ms: number;
  readonly tokensPerSecond: number;
  readonly faults: readonly ResolvedFaultRule[];
}
