import { createResilientModel, type PipelineEvent } from '@resilient-llm/core';
import type { CacheStageOptions } from '../src/stage/cache-stage-options';
import { createCacheStage } from '../src/stage/create-cache-stage';
import type { CacheStore } from '../src/store/cache-store';
import { MemoryCacheStore } from '../src/store/memory-cache-store';
import { manualClock } from './manual-clock';
import {
  noBuiltIns,
  type ScriptedTarget,
  type Step,
  scriptedBinding,
  scriptedTarget,
  type TestPart,
  type TestRequest,
} from './scripted-binding';

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
  const clock = manualClock();
  const target = scriptedTarget('a', ...steps);
  const cacheStore = store ?? new MemoryCacheStore({ clock });
  const stage = createCacheStage<ScriptedTarget, TestRequest, TestPart>({
    store: cacheStore,
    ...cache,
  });
  const model = createResilientModel({
    ...noBuiltIns,
    binding: scriptedBinding,
    targets: [target],
    stages: [stage],
    clock,
    telemetry,
  });
  return { clock, target, store: cacheStore, stage, model };
}
