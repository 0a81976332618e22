import {
  type CacheStageOptions,
  type CacheStore,
  createCacheStage,
  MemoryCacheStore,
} from '@resilient-llm/cache';
import { createResilientModel, type PipelineEvent } from '@resilient-llm/core';
import { createManualClock } from '@resilient-llm/simulator';
import {
  noBuiltIns,
  type ScriptedTarget,
  type Step,
  scriptedRequestBinding,
  scriptedTarget,
  type TestPart,
  type TestRequest,
} from './scripted-binding';
import { testEpochMs } from './test-epoch';

/** Options of {@link setupCachedModel}. */
interface SetupOptions {
  steps?: Step[];
  store?: CacheStore;
  cache?: Partial<CacheStageOptions<ScriptedTarget, TestRequest, TestPart>>;
  /** The model's telemetry. */
  telemetry?: (event: PipelineEvent) => void;
}

/**
 * One scripted target behind a cache stage on a memory store, all on one manual clock. The
 * stage is given only its store (and `cache`): it takes the binding and target from the model.
 */
export function setupCachedModel({ steps = [], store, cache = {}, telemetry }: SetupOptions = {}) {
  const clock = createManualClock(testEpochMs);
  const target = scriptedTarget('a', ...steps);
  const cacheStore = store ?? new MemoryCacheStore({ clock });
  const stage = createCacheStage<ScriptedTarget, TestRequest, TestPart>({
    store: cacheStore,
    ...cache,
  });
  const model = createResilientModel({
    ...noBuiltIns,
    binding: scriptedRequestBinding,
    targets: [target],
    stages: [stage],
    clock,
    telemetry,
  });
  return { clock, target, store: cacheStore, stage, model };
}
