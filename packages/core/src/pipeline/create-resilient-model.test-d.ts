import {
  type ScriptedTarget,
  scriptedBinding,
  type TestPart,
} from '@resilient-llm/test-utils/scripted-binding';
import { describe, expectTypeOf, it } from 'vitest';
import type { FailureKind } from '../contract/failure';
import type { GenerateResult, ResilientModel, StreamResult } from '../contract/resilient-model';
import type { Stage } from '../contract/stage';
import { createResilientModel } from './create-resilient-model';

describe('createResilientModel types', () => {
  const model = createResilientModel({ binding: scriptedBinding, targets: [] as ScriptedTarget[] });

  it('infers target, request, response and part types from the binding', () => {
    expectTypeOf(model).toEqualTypeOf<ResilientModel<ScriptedTarget, string, string, TestPart>>();
    expectTypeOf(model.generate).parameter(0).toEqualTypeOf<string>();
    expectTypeOf(model.generate('hi')).resolves.toEqualTypeOf<
      GenerateResult<ScriptedTarget, string>
    >();
    expectTypeOf(model.stream('hi')).resolves.toEqualTypeOf<
      StreamResult<ScriptedTarget, TestPart>
    >();
  });

  it('types stream parts and provenance', async () => {
    const { stream, target, targetIndex } = await model.stream('hi');
    for await (const part of stream) expectTypeOf(part).toEqualTypeOf<TestPart>();
    expectTypeOf(stream.toReadableStream()).toEqualTypeOf<ReadableStream<TestPart>>();
    expectTypeOf(target).toEqualTypeOf<ScriptedTarget | undefined>();
    expectTypeOf(targetIndex).toBeNumber();
  });

  it('types event payloads by event type', () => {
    model.on('fallback', (event) => {
      expectTypeOf(event.nextTargetId).toBeString();
      expectTypeOf(event.failure.kind).toEqualTypeOf<FailureKind>();
    });
  });

  it('checks stage hooks against the binding’s types', () => {
    createResilientModel({
      binding: scriptedBinding,
      targets: [] as ScriptedTarget[],
      stages: [
        {
          name: 'typed',
          wrapTarget: async ({ request, context, next }) => {
            expectTypeOf(request).toEqualTypeOf<string>();
            expectTypeOf(context.target).toEqualTypeOf<ScriptedTarget>();
            return next(request);
          },
        },
      ],
    });
    const stages: Stage<ScriptedTarget, string, string, TestPart>[] = [
      {
        name: 'bad',
        // @ts-expect-error a stage must pass the binding's request type on
        wrapTarget: async ({ next }) => next(42),
      },
    ];
    expectTypeOf(stages).toBeArray();
  });

  it('takes the shared-state tuning of the rate limiter, for the model and per target', () => {
    const targets = [] as ScriptedTarget[];
    createResilientModel({
      binding: scriptedBinding,
      targets,
      rateLimit: { shared: { timeoutMs: 500 }, targets: { a: { shared: { rejoinAfterMs: 0 } } } },
    });
    createResilientModel({
      binding: scriptedBinding,
      targets,
      // @ts-expect-error the timeout is a number of milliseconds
      rateLimit: { shared: { timeoutMs: '500' } },
    });
    createResilientModel({
      binding: scriptedBinding,
      targets,
      // @ts-expect-error the state and its key come from the model, not from the stage
      rateLimit: { shared: { key: 'mine' } },
    });
  });
});
