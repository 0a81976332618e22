import type { SimulatorClock } from '../time/clock';

/** A span of time, in milliseconds since the server (or wrapper) started: `[startMs, endMs)`. */
export interface FaultWindow {
  /** When the window opens. */
  startMs: number;
  /** When it closes (exclusive). Defaults to `Infinity` (`defaultFaultWindow.endMs`): never. */
  endMs?: number;
}

/** Fields every fault rule shares. */
export interface FaultRuleBase {
  /** Chance the fault fires on a request while active, in [0, 1]. Defaults to 1 (`defaultFaultRule.probability`). */
  probability?: number;
  /** When given, the rule is active only inside these windows. Defaults to always active. */
  windows?: FaultWindow[];
}

/** A 5xx with OpenAI's `server_error` body. */
export interface ServerErrorFault extends FaultRuleBase {
  type: 'server-error';
  /** Status to answer. Defaults to 500 (`defaultFaultRule.status`). */
  status?: 500 | 502 | 503;
}

/** 529 with Anthropic's `overloaded_error` body. */
export interface OverloadedFault extends FaultRuleBase {
  type: 'overloaded';
}

/** 429 `rate_limit_exceeded` regardless of the limits, with `retry-after`. */
export interface RateLimitFault extends FaultRuleBase {
  type: 'rate-limit';
  /** Wait the response asks for, in ms. Defaults to 1000 (`defaultFaultRule.retryAfterMs`). */
  retryAfterMs?: number;
}

/** 429 `insufficient_quota`: a spend cap that must not be retried; no retry headers. */
export interface InsufficientQuotaFault extends FaultRuleBase {
  type: 'insufficient-quota';
}

/** The connection is destroyed before any response byte. */
export interface ConnectionResetFault extends FaultRuleBase {
  type: 'connection-reset';
}

/** No response at all until the client gives up (or the server closes). */
export interface HangFault extends FaultRuleBase {
  type: 'hang';
}

/** Time to first token drawn from a log-normal distribution with its own median and p99. */
export interface SlowFirstTokenFault extends FaultRuleBase {
  type: 'slow-first-token';
  /** Median delay, in ms. Defaults to 2000 (`defaultFaultRule.medianMs`). */
  medianMs?: number;
  /** 99th percentile delay. Defaults to 10 times the median. */
  p99Ms?: number;
}

/** The stream pauses mid-way, then carries on. */
export interface StallFault extends FaultRuleBase {
  type: 'stall';
  /** Tokens sent before the pause. Defaults to 3 (`defaultFaultRule.afterTokens`). */
  afterTokens?: number;
  /** Length of the pause, in ms. Defaults to 30000 (`defaultFaultRule.durationMs`). */
  durationMs?: number;
}

/** The connection drops mid-stream: no finish, no `[DONE]`. */
export interface DropFault extends FaultRuleBase {
  type: 'drop';
  /** Tokens sent before the drop. Defaults to 3 (`defaultFaultRule.afterTokens`). */
  afterTokens?: number;
}

/** One SSE event carries broken JSON. */
export interface MalformedChunkFault extends FaultRuleBase {
  type: 'malformed-chunk';
  /** Tokens sent before the broken event. Defaults to 3 (`defaultFaultRule.afterTokens`). */
  afterTokens?: number;
}

/** One rule of a fault profile. */
export type FaultRule =
  | ServerErrorFault
  | OverloadedFault
  | RateLimitFault
  | InsufficientQuotaFault
  | ConnectionResetFault
  | HangFault
  | SlowFirstTokenFault
  | StallFault
  | DropFault
  | MalformedChunkFault;

/** Names of the fault types. */
export type FaultType = FaultRule['type'];

/**
 * How a rate limit counts. `fixed-window`: a key's window opens with its first request and
 * lasts `windowMs`; resets report the window's end. `token-bucket`: buckets of
 * `requestsPerWindow` and `tokensPerWindow` refill continuously over `windowMs`; resets report
 * the time until a bucket is full, as OpenAI and Anthropic do.
 */
export type RateLimitKind = 'fixed-window' | 'token-bucket';

/** A rate limit of requests and tokens per window. */
export interface RateLimitConfig {
  /** How the limit counts (see {@link RateLimitKind}). Defaults to `'fixed-window'` (`defaultRateLimitConfig.kind`). */
  kind?: RateLimitKind;
  /** Requests allowed per window. Defaults to 1000000 (`defaultRateLimitConfig.requestsPerWindow`). */
  requestsPerWindow?: number;
  /**
   * Tokens (prompt estimate + max output tokens) allowed per window. Defaults to 1000000000
   * (`defaultRateLimitConfig.tokensPerWindow`).
   */
  tokensPerWindow?: number;
  /**
   * Window length, in ms; for a token bucket, the time to refill from empty. Defaults to 60000
   * (`defaultRateLimitConfig.windowMs`).
   */
  windowMs?: number;
}

/** Latency of a healthy answer. */
export interface LatencyConfig {
  /** Median time to first token, in ms. Defaults to 0 (`defaultLatencyConfig.firstTokenMedianMs`). */
  firstTokenMedianMs?: number;
  /** 99th percentile time to first token. Defaults to the median. */
  firstTokenP99Ms?: number;
  /**
   * Output pace after the first token; 0 sends everything at once. Defaults to 0
   * (`defaultLatencyConfig.tokensPerSecond`).
   */
  tokensPerSecond?: number;
}

/** Behaviour of one model (or of every model, as a scenario or `defaultModel`). */
export interface ModelConfig {
  /**
   * Prompt tokens allowed; beyond it the answer is 400 `context_length_exceeded`. Defaults to
   * 128000 (`defaultModelConfig.contextWindow`).
   */
  contextWindow?: number;
  /**
   * Words in a generated text answer (capped by the request's max tokens). Defaults to 16
   * (`defaultModelConfig.responseTokens`).
   */
  responseTokens?: number;
  /**
   * Length of embedding vectors when the request names no `dimensions`. Defaults to 256
   * (`defaultModelConfig.embeddingDimensions`).
   */
  embeddingDimensions?: number;
  /** Limits per API key. Defaults to `defaultRateLimitConfig`: effectively unlimited. */
  rateLimit?: RateLimitConfig;
  /** Limits over all keys together (a congested gateway); none when absent. Defaults to none. */
  sharedPool?: RateLimitConfig;
  /** Latency of healthy answers. Defaults to none. */
  latency?: LatencyConfig;
  /** Fault rules, drawn in order; the first response-replacing fault that fires wins. Defaults to none. */
  faults?: FaultRule[];
}

/** Names of the built-in scenarios. */
export type ScenarioName =
  | 'steady'
  | '429-storm'
  | 'overloaded'
  | 'outage'
  | 'slow-first-token'
  | 'flaky-stream';

/**
 * Which web pages may call the simulator from a browser (CORS). An origin is
 * `scheme://host[:port]`, exactly as a browser sends it in `Origin`; the port may be `*`
 * (any port, or none), and `'*'` alone allows every origin.
 */
export interface CorsConfig {
  /**
   * Origins allowed to call; others get no `Access-Control-Allow-Origin`, so the browser
   * blocks them. Defaults to `['http://127.0.0.1:*', 'http://localhost:*', 'http://[::1]:*']`
   * (`defaultCorsConfig.origins`): pages on any port of a loopback address.
   */
  origins?: readonly string[];
}

/** Configuration of a simulator server; everything optional. */
export interface SimulatorConfig {
  /** Preset every model starts from. Defaults to `'steady'` (`defaultSimulatorConfig.scenario`). */
  scenario?: ScenarioName;
  /** Seed of every random draw (content and faults). Defaults to 1 (`defaultSimulatorConfig.seed`). */
  seed?: number;
  /** Port on 127.0.0.1; 0 picks a free one. Defaults to 0 (`defaultSimulatorConfig.port`). */
  port?: number;
  /** Named models, each merged over the scenario and `defaultModel`. Defaults to none. */
  models?: Record<string, ModelConfig>;
  /** Settings for model names not listed in `models`, merged over the scenario. Defaults to the scenario. */
  defaultModel?: ModelConfig;
  /**
   * Answer 404 `model_not_found` for names not in `models`. Defaults to `false`
   * (`defaultSimulatorConfig.rejectUnknownModels`).
   */
  rejectUnknownModels?: boolean;
  /**
   * Browser access: the origins answered with CORS headers, or `false` for none (no preflight
   * answered either). Defaults to the loopback origins of `defaultCorsConfig`.
   */
  cors?: CorsConfig | false;
  /** Source of time (not part of the JSON format). Defaults to the system clock. */
  clock?: SimulatorClock;
}
