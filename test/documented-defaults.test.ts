import { describe, expect, it } from 'vitest';
import * as aiSdk from '../packages/ai-sdk/src/index.ts';
import * as batch from '../packages/batch/src/index.ts';
import * as batchOpenai from '../packages/batch/src/openai.ts';
import * as cache from '../packages/cache/src/index.ts';
import * as core from '../packages/core/src/index.ts';
import * as openai from '../packages/openai/src/index.ts';
import * as policies from '../packages/policies/src/index.ts';
import * as redis from '../packages/redis/src/index.ts';
import * as simulator from '../packages/simulator/src/index.ts';
import {
  findDefaultMismatches,
  type OptionsTypeEntry,
} from './documented-defaults/check-documented-defaults';

// Reasons a documented default is not a literal value.
const clock = 'a source of time (the system clock, or the model’s)';
const aFunction = 'a function';
const perTarget = 'built from the target id';
const perKind = 'the failure kind’s, from `failureDefaults`';
const now = 'the current time';
const fromBinding = 'what the binding gives';
const fromModel = 'the first model’s';
const absentFlag = 'a per-call flag: absent means off';
const stageOption = 'the stage’s own option';
const eachField = 'each field defaults on its own';

const optionsTypes: OptionsTypeEntry[] = [
  // policies
  {
    file: 'packages/policies/src/retry/retry-options.ts',
    type: 'RetryOptions',
    defaults: 'defaultRetryOptions',
    exceptions: { shouldRetry: aFunction, clock },
  },
  {
    file: 'packages/policies/src/retry/retry-options.ts',
    type: 'RetryExecuteOptions',
    exceptions: { deadline: 'the policy’s own option' },
  },
  {
    file: 'packages/policies/src/retry/retry-budget.ts',
    type: 'RetryBudgetOptions',
    defaults: 'defaultRetryBudgetOptions',
    exceptions: { clock },
  },
  {
    file: 'packages/policies/src/rate-limit/rate-limiter-options.ts',
    type: 'RateLimiterOptions',
    defaults: 'defaultRateLimiterOptions',
    exceptions: { clock },
  },
  {
    file: 'packages/policies/src/rate-limit/rate-limiter-options.ts',
    type: 'AcquireOptions',
    defaults: 'defaultAcquireOptions',
    exceptions: { maxWaitMs: 'the limiter’s own option' },
  },
  {
    file: 'packages/policies/src/rate-limit/rate-limiter-options.ts',
    type: 'RateLimiterExecuteOptions',
    exceptions: { tokensUsed: aFunction },
  },
  {
    file: 'packages/policies/src/bulkhead/bulkhead-options.ts',
    type: 'BulkheadOptions',
    defaults: 'defaultBulkheadOptions',
    exceptions: { clock },
  },
  {
    file: 'packages/policies/src/circuit-breaker/circuit-breaker-options.ts',
    type: 'CircuitBreakerOptions',
    defaults: 'defaultCircuitBreakerOptions',
    exceptions: { shouldCount: aFunction, clock },
  },
  {
    file: 'packages/policies/src/circuit-breaker/shared-breaker-options.ts',
    type: 'SharedBreakerOptions',
    defaults: 'defaultSharedBreakerOptions',
  },
  {
    file: 'packages/policies/src/shared/shared-state-options.ts',
    type: 'SharedStateOptions',
    defaults: 'defaultSharedStateOptions',
  },
  {
    file: 'packages/policies/src/shared/shared-rate-limiter.ts',
    type: 'SharedRateLimiterOptions',
    defaults: 'defaultRateLimiterOptions',
    exceptions: { clock },
  },
  {
    file: 'packages/policies/src/circuit-breaker/circuit-breaker-options.ts',
    type: 'ConsecutiveStrategy',
    defaults: 'defaultConsecutiveStrategy',
  },
  {
    file: 'packages/policies/src/circuit-breaker/circuit-breaker-options.ts',
    type: 'SamplingStrategy',
    defaults: 'defaultSamplingStrategy',
  },
  {
    file: 'packages/policies/src/timeout/timeout-policy.ts',
    type: 'TimeoutOptions',
    defaults: 'defaultTimeoutOptions',
    exceptions: { clock },
  },
  {
    file: 'packages/policies/src/timeout/stream-watchdog.ts',
    type: 'StreamWatchdogOptions',
    defaults: 'defaultStreamWatchdogOptions',
    exceptions: { clock },
  },
  {
    file: 'packages/policies/src/time/start-timer.ts',
    type: 'TimerOptions',
    defaults: 'defaultTimerOptions',
    exceptions: { clock },
  },
  {
    file: 'packages/policies/src/rate-limit/rate-limiter-options.ts',
    type: 'RateLimitedReport',
  },
  {
    file: 'packages/policies/src/time/deadline.ts',
    type: 'DeadlineOptions',
    defaults: 'defaultDeadlineOptions',
    exceptions: { clock },
  },
  { file: 'packages/policies/src/time/sleep.ts', type: 'SleepOptions', exceptions: { clock } },
  // core
  {
    file: 'packages/core/src/pipeline/model-options.ts',
    type: 'ResilientModelOptions',
    defaults: 'defaultResilientModelOptions',
    exceptions: { clock },
  },
  {
    file: 'packages/core/src/contract/resilient-model.ts',
    type: 'CallOptions',
    exceptions: { timeoutMs: 'the model’s own option' },
  },
  {
    file: 'packages/core/src/stages/retry-stage.ts',
    type: 'RetryStageOptions',
    defaults: 'defaultRetryStageOptions',
  },
  {
    file: 'packages/core/src/stages/rate-limit-stage.ts',
    type: 'RateLimitStageOptions',
    defaults: 'defaultRateLimitStageOptions',
    exceptions: { key: perTarget, shared: eachField },
  },
  {
    file: 'packages/core/src/stages/circuit-breaker-stage.ts',
    type: 'CircuitBreakerStageOptions',
    defaults: 'defaultCircuitBreakerStageOptions',
    exceptions: { key: perTarget, shared: eachField },
  },
  {
    file: 'packages/core/src/stages/bulkhead-stage.ts',
    type: 'BulkheadStageOptions',
    exceptions: {},
  },
  { file: 'packages/core/src/stream/stream-timeouts.ts', type: 'StreamTimeouts' },
  {
    file: 'packages/core/src/failure/create-failure.ts',
    type: 'CreateFailureOptions',
    exceptions: { message: perKind, retryable: perKind, fallbackable: perKind },
  },
  {
    file: 'packages/core/src/headers/parse-retry-after.ts',
    type: 'ParseRetryAfterOptions',
    exceptions: { now },
  },
  {
    file: 'packages/core/src/headers/parse-rate-limit-headers.ts',
    type: 'ParseRateLimitHeadersOptions',
    exceptions: { now },
  },
  // cache
  {
    file: 'packages/cache/src/stage/cache-stage-options.ts',
    type: 'CacheStageOptions',
    defaults: 'defaultCacheStageOptions',
    exceptions: {
      keyOf: fromBinding,
      partRole: fromBinding,
      scope: fromBinding,
      fingerprintSecret: 'a random secret of this process',
      isNonDeterministic: aFunction,
      control: aFunction,
      codec: 'an object of functions (`jsonCodec`)',
    },
  },
  {
    file: 'packages/cache/src/stage/cache-stage-options.ts',
    type: 'StoreBreakerOptions',
    defaults: 'defaultStoreBreakerOptions',
  },
  {
    file: 'packages/cache/src/stage/cache-control.ts',
    type: 'CacheControl',
    exceptions: {
      skip: absentFlag,
      refresh: absentFlag,
      ttlMs: stageOption,
      staleWhileRevalidateMs: stageOption,
      cacheNonDeterministic: stageOption,
      namespace: stageOption,
    },
  },
  {
    file: 'packages/cache/src/store/memory-cache-store-options.ts',
    type: 'MemoryCacheStoreOptions',
    defaults: 'defaultMemoryCacheStoreOptions',
    exceptions: { maxEntryBytes: 'the value of `maxBytes`', clock },
  },
  {
    file: 'packages/cache/src/adapters/unstorage-cache-store.ts',
    type: 'UnstorageCacheStoreOptions',
    defaults: 'defaultUnstorageCacheStoreOptions',
  },
  { file: 'packages/cache/src/adapters/keyv-cache-store.ts', type: 'KeyvCacheStoreOptions' },
  {
    file: 'packages/cache/src/store/cache-store.ts',
    type: 'CacheSetOptions',
    exceptions: { ttlMs: 'no expiry' },
  },
  { file: 'packages/cache/src/key/derive-cache-key.ts', type: 'CacheKeyInput' },
  // redis
  {
    file: 'packages/redis/src/create-redis-client.ts',
    type: 'CreateRedisClientOptions',
    defaults: 'defaultRedisClientOptions',
    ownFieldsOnly: 'the other fields are node-redis’s own, passed on as they are',
    exceptions: { onError: aFunction },
  },
  {
    file: 'packages/redis/src/redis-cache-store-options.ts',
    type: 'RedisCacheStoreOptions',
    defaults: 'defaultRedisCacheStoreOptions',
  },
  {
    file: 'packages/redis/src/redis-state-store.ts',
    type: 'RedisStateStoreOptions',
    defaults: 'defaultRedisStateStoreOptions',
  },
  {
    file: 'packages/redis/src/shared-state/redis-shared-state-options.ts',
    type: 'RedisSharedStateOptions',
    defaults: 'defaultRedisSharedStateOptions',
    exceptions: { clock },
  },
  // openai
  {
    file: 'packages/openai/src/resilient-openai.ts',
    type: 'ResilientOpenAIOptions',
    exceptions: { clock },
  },
  {
    file: 'packages/openai/src/openai-target.ts',
    type: 'OpenAITarget',
    exceptions: {
      models: 'the caller’s model names unchanged',
      id: 'built from the client’s `baseURL`',
    },
  },
  // ai-sdk
  {
    file: 'packages/ai-sdk/src/language-model/resilient-language-model-options.ts',
    type: 'ResilientLanguageModelOptions',
    exceptions: { modelId: fromModel, clock },
  },
  {
    file: 'packages/ai-sdk/src/embedding/resilient-embedding-model-options.ts',
    type: 'ResilientEmbeddingModelOptions',
    exceptions: { modelId: fromModel, clock },
  },
  // batch
  {
    file: 'packages/batch/src/prompt/prompt-batcher-options.ts',
    type: 'PromptBatcherOptions',
    defaults: 'defaultPromptBatcherOptions',
    exceptions: { answer: 'a schema object (`textAnswer`)', estimateTokens: aFunction, clock },
  },
  {
    file: 'packages/batch/src/embedding/embedding-coalescer-options.ts',
    type: 'EmbeddingCoalescerOptions',
    defaults: 'defaultEmbeddingCoalescerOptions',
    exceptions: { clock },
  },
  {
    file: 'packages/batch/src/openai/create-openai-batch-sender.ts',
    type: 'OpenAIBatchSenderOptions',
    defaults: 'defaultOpenAIBatchSenderOptions',
  },
  {
    file: 'packages/batch/src/openai/create-openai-embedding-sender.ts',
    type: 'OpenAIEmbeddingSenderOptions',
  },
  {
    file: 'packages/batch/src/ai-sdk/create-ai-sdk-batch-sender.ts',
    type: 'AiSdkBatchSenderOptions',
  },
  {
    file: 'packages/batch/src/ai-sdk/create-ai-sdk-embedding-sender.ts',
    type: 'AiSdkEmbeddingSenderOptions',
  },
  // simulator
  {
    file: 'packages/simulator/src/config/types.ts',
    type: 'SimulatorConfig',
    defaults: 'defaultSimulatorConfig',
    exceptions: { defaultModel: 'the scenario', cors: eachField, clock },
  },
  {
    file: 'packages/simulator/src/config/types.ts',
    type: 'CorsConfig',
    defaults: 'defaultCorsConfig',
  },
  {
    file: 'packages/simulator/src/config/types.ts',
    type: 'ModelConfig',
    defaults: 'defaultModelConfig',
    exceptions: { rateLimit: eachField },
  },
  {
    file: 'packages/simulator/src/config/types.ts',
    type: 'RateLimitConfig',
    defaults: 'defaultRateLimitConfig',
  },
  {
    file: 'packages/simulator/src/config/types.ts',
    type: 'LatencyConfig',
    defaults: 'defaultLatencyConfig',
    exceptions: { firstTokenP99Ms: 'the median' },
  },
  {
    file: 'packages/simulator/src/config/types.ts',
    type: 'FaultWindow',
    defaults: 'defaultFaultWindow',
  },
  {
    file: 'packages/simulator/src/config/types.ts',
    type: 'FaultRuleBase',
    exceptions: { windows: 'always active' },
  },
  ...['ServerErrorFault', 'RateLimitFault', 'StallFault', 'DropFault', 'MalformedChunkFault'].map(
    (type) => ({
      file: 'packages/simulator/src/config/types.ts',
      type,
      exceptions: { windows: 'always active' },
    }),
  ),
  {
    file: 'packages/simulator/src/config/types.ts',
    type: 'SlowFirstTokenFault',
    exceptions: { windows: 'always active', p99Ms: '10 times the median' },
  },
  { file: 'packages/simulator/src/faults/fault-profile.ts', type: 'FaultProfile' },
  {
    file: 'packages/simulator/src/inject/inject-faults.ts',
    type: 'InjectFaultsOptions',
    exceptions: { getSignal: aFunction, clock },
  },
];

// Every exported `default...` object of every package: the constants a JSDoc may name.
const constants: Record<string, object> = Object.fromEntries(
  [policies, core, cache, redis, openai, aiSdk, batch, batchOpenai, simulator].flatMap((module) =>
    Object.entries(module).filter(
      (entry): entry is [string, object] =>
        /^default[A-Z]/.test(entry[0]) && typeof entry[1] === 'object' && entry[1] !== null,
    ),
  ),
);

describe('documented defaults', () => {
  // Building the program that reads every package's types takes some seconds.
  it('every options field documents the value its constant holds', { timeout: 60_000 }, () => {
    expect(findDefaultMismatches(optionsTypes, constants)).toEqual([]);
  });
});
