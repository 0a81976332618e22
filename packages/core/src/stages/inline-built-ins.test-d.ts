import {
  type ScriptedTarget,
  scriptedBinding,
  scriptedTarget,
  type TestPart,
} from '@resilient-llm/test-utils/scripted-binding';
import { describe, expectTypeOf, it } from 'vitest';
import type { Stage } from '../contract/stage';
import { createResilientModel } from '../pipeline/create-resilient-model';
import { createCircuitBreakerStage } from './circuit-breaker-stage';
import { createRetryStage } from './retry-stage';

describe('built-in stages listed inline', () => {
  it('fit the model they are listed in, beside a typed stage of the user, and keep its types', () => {
    const logging: Stage<ScriptedTarget, string, string, TestPart> = { name: 'logging' };
    const model = createResilientModel({
      binding: scriptedBinding,
      targets: [scriptedTarget('a')],
      retry: false,
      circuitBreaker: false,
      stages: [createCircuitBreakerStage(), logging, createRetryStage()],
    });
    expectTypeOf(model.generate).parameter(0).toEqualTypeOf<string>();
    expectTypeOf(model.targets).toEqualTypeOf<readonly ScriptedTarget[]>();
  });

  it('alone do not widen the model to any', () => {
    const model = createResilientModel({
      binding: scriptedBinding,
      targets: [scriptedTarget('a')],
      retry: false,
      stages: [createRetryStage()],
    });
    expectTypeOf(model.generate).parameter(0).toEqualTypeOf<string>();
  });
});
