import { createResilientModel, type Stage } from '@resilient-llm/core';
import { describe, expectTypeOf, it } from 'vitest';
import {
  type ScriptedTarget,
  scriptedBinding,
  scriptedTarget,
  type TestPart,
  type TestRequest,
} from '../../test/scripted-binding';
import { MemoryCacheStore } from '../store/memory-cache-store';
import { createCacheStage } from './create-cache-stage';

describe('a cache stage', () => {
  it('is a core Stage, without the cache depending on core', () => {
    const target = scriptedTarget('a');
    const stage = createCacheStage<ScriptedTarget, TestRequest, string, TestPart>({
      store: new MemoryCacheStore(),
      binding: scriptedBinding,
      target,
    });
    expectTypeOf(stage).toExtend<Stage<ScriptedTarget, TestRequest, string, TestPart>>();
    createResilientModel({ binding: scriptedBinding, targets: [target], stages: [stage] });
  });
});

describe('createCacheStage inside createResilientModel', () => {
  it('infers its types from where it is used', () => {
    createResilientModel({
      binding: scriptedBinding,
      targets: [scriptedTarget('a')],
      stages: [createCacheStage({ store: new MemoryCacheStore(), keyOf: (request) => request })],
    });
  });
});
