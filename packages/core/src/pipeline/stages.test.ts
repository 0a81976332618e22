import {
  HttpError,
  noBuiltIns,
  type ScriptedTarget,
  scriptedBinding,
  scriptedTarget,
  type TestPart,
} from '@resilient-llm/test-utils/scripted-binding';
import { describe, expect, it } from 'vitest';
import type { Stage } from '../contract/stage';
import { createResilientModel } from './create-resilient-model';

type TestStage = Stage<ScriptedTarget, string, string, TestPart>;

function recordingStage(name: string, log: string[]): TestStage {
  return {
    name,
    async wrapCall({ request, next }) {
      log.push(`${name}:call>`);
      const outcome = await next(request);
      log.push(`${name}:call<`);
      return outcome;
    },
    async wrapTarget({ request, context, next }) {
      log.push(`${name}:target ${context.targetId}>`);
      try {
        return await next(request);
      } finally {
        log.push(`${name}:target ${context.targetId}<`);
      }
    },
  };
}

describe('stages', () => {
  it('run with the first listed outermost, call hooks outside the fallback chain', async () => {
    const log: string[] = [];
    const model = createResilientModel({
      ...noBuiltIns,
      binding: scriptedBinding,
      targets: [
        scriptedTarget('a', { fail: new HttpError(503) }),
        scriptedTarget('b', { respond: 'ok' }),
      ],
      stages: [recordingStage('outer', log), recordingStage('inner', log)],
    });

    await model.generate('hi');

    expect(log).toEqual([
      'outer:call>',
      'inner:call>',
      'outer:target a>',
      'inner:target a>',
      'inner:target a<',
      'outer:target a<',
      'outer:target b>',
      'inner:target b>',
      'inner:target b<',
      'outer:target b<',
      'inner:call<',
      'outer:call<',
    ]);
  });

  it('may answer a call without any target (as a cache does)', async () => {
    const target = scriptedTarget('a');
    const cache: TestStage = {
      name: 'cache',
      wrapCall: async () => ({
        mode: 'generate',
        response: 'cached',
        target: undefined,
        targetId: 'cache',
        targetIndex: -1,
        attempts: 0,
      }),
    };
    const model = createResilientModel({
      ...noBuiltIns,
      binding: scriptedBinding,
      targets: [target],
      stages: [cache],
    });

    await expect(model.generate('hi')).resolves.toMatchObject({
      response: 'cached',
      targetId: 'cache',
      attempts: 0,
    });
    expect(target.signals).toHaveLength(0);
  });

  it('may call next again to retry a target, and may rewrite the request', async () => {
    const target = scriptedTarget('a', { fail: new HttpError(500) }, { respond: 'second time' });
    const retryOnce: TestStage = {
      name: 'retry-once',
      async wrapTarget({ request, next }) {
        try {
          return await next(request);
        } catch {
          return next(`${request} (again)`);
        }
      },
    };
    const model = createResilientModel({
      ...noBuiltIns,
      binding: scriptedBinding,
      targets: [target],
      stages: [retryOnce],
    });

    const result = await model.generate('hi');

    expect(result).toMatchObject({ response: 'second time <- hi (again)', attempts: 2 });
  });

  it('skips to the next target when a stage throws a fallbackable error', async () => {
    const skipped = scriptedTarget('open-circuit');
    const model = createResilientModel({
      ...noBuiltIns,
      binding: scriptedBinding,
      targets: [skipped, scriptedTarget('b', { respond: 'ok' })],
      stages: [
        {
          name: 'skip-first',
          wrapTarget: async ({ request, context, next }) => {
            if (context.targetIndex === 0) throw new HttpError(503);
            return next(request);
          },
        },
      ],
    });

    await expect(model.generate('hi')).resolves.toMatchObject({ targetId: 'b', attempts: 1 });
    expect(skipped.signals).toHaveLength(0);
  });

  it('receive what each response observed', async () => {
    const seen: Array<[string, number | undefined]> = [];
    const model = createResilientModel({
      ...noBuiltIns,
      binding: scriptedBinding,
      targets: [
        scriptedTarget('a', {
          stream: [
            { type: 'text', text: 'x' },
            { type: 'finish', outputTokens: 7 },
          ],
        }),
      ],
      stages: [
        {
          name: 'usage',
          observe: (observation, context) =>
            seen.push([context.targetId, observation.usage?.outputTokens]),
        },
      ],
    });

    const { stream } = await model.stream('hi');
    for await (const _part of stream) {
      // drain
    }

    expect(seen).toEqual([['a', 7]]);
  });

  it('deliver events to typed listeners, which can unsubscribe', async () => {
    const model = createResilientModel({
      ...noBuiltIns,
      binding: scriptedBinding,
      targets: [scriptedTarget('a', { respond: 'one' }, { respond: 'two' })],
    });
    const successes: string[] = [];
    const subscription = model.on('call-success', (event) => successes.push(event.targetId));

    await model.generate('hi');
    subscription.dispose();
    await model.generate('hi');

    expect(successes).toEqual(['a']);
  });
});
