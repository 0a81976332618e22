import {
  type CacheStageOptions,
  type CacheStore,
  createCacheStage,
  MemoryCacheStore,
} from '@resilient-llm/cache';
import { createResilientModel } from '@resilient-llm/core';
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
}

/** One scripted target behind a cache stage on a memory store, all on one manual clock. */
export function setupCachedModel({ steps = [], store, cache = {} }: SetupOptions = {}) {
  const clock = createManualClock(testEpochMs);
  const target = scriptedTarget('a', ...steps);
  const cacheStore = store ?? new MemoryCacheStore({ clock });
  const stage = createCacheStage<ScriptedTarget, TestRequest, string, TestPart>({
    store: cacheStore,
    binding: scriptedRequestBinding,
    target,
    ...cache,
  });
  const model = createResilientModel({
    ...noBuiltIns,
    binding: scriptedRequestBinding,
    targets: [target],
    stages: [stage],
    clock,
  });
  return { clock, target, store: cacheStore, stage, model };
}
