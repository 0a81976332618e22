import { InvalidOptionError, systemClock } from '@resilient-llm/policies';
import { assertString } from '@resilient-llm/policies/validation';
import {
  noBuiltIns,
  type ScriptedTarget,
  scriptedBinding,
  scriptedTarget,
  type TestPart,
} from '@resilient-llm/test-utils/scripted-binding';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CallOptions } from '../contract/resilient-model';
import type { Stage, StageSetup } from '../contract/stage';
import { createResilientModel } from './create-resilient-model';

type TestStage = Stage<ScriptedTarget, string, string, TestPart>;
type TestSetup = StageSetup<ScriptedTarget, string, string, TestPart>;
/** Call options of a model whose stage reads `tenant`. */
type TenantCallOptions = CallOptions & { tenant?: unknown };

/** A stage reading the per-call option `tenant`, recording what each hook saw. */
function tenantStage(seen: string[]): TestStage {
  return {
    name: 'tenant',
    callOptions: { tenant: (value, field) => assertString(field, value) },
    async wrapCall({ request, context, next }) {
      seen.push(`call: ${String((context.options as TenantCallOptions).tenant)}`);
      return next(request);
    },
    async wrapTarget({ request, context, next }) {
      seen.push(
        `target ${context.targetId}: ${String((context.options as TenantCallOptions).tenant)}`,
      );
      return next(request);
    },
  };
}

describe('per-call options a stage declares', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function tenantModel() {
    const seen: string[] = [];
    const target = scriptedTarget('a', { respond: 'ok' });
    const model = createResilientModel({
      binding: scriptedBinding,
      targets: [target],
      stages: [tenantStage(seen)],
    });
    return { model, target, seen };
  }

  it('reach the stage in wrapCall and wrapTarget', async () => {
    const { model, seen } = tenantModel();
    const options: TenantCallOptions = { tenant: 'acme' };

    await expect(model.generate('hi', options)).resolves.toMatchObject({ targetId: 'a' });
    expect(seen).toEqual(['call: acme', 'target a: acme']);
  });

  it('refuse an undeclared key with the declared one suggested, before anything is armed', async () => {
    const { model, target, seen } = tenantModel();

    const error = await model
      .generate('hi', { tenants: 'acme' } as never)
      .catch((caught: unknown) => caught);

    expect(InvalidOptionError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('did you mean `tenant`?');
    expect(seen).toEqual([]);
    expect(target.signals).toHaveLength(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('run the stage’s check, whose InvalidOptionError rejects the call before it starts', async () => {
    const { model, target, seen } = tenantModel();
    const options: TenantCallOptions = { tenant: 42 };

    const error = await model.generate('hi', options).catch((caught: unknown) => caught);

    expect(InvalidOptionError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ field: 'tenant', value: 42 });
    expect(seen).toEqual([]);
    expect(target.signals).toHaveLength(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('are refused when the model has no stage declaring them', async () => {
    const target = scriptedTarget('a', { respond: 'ok' });
    const model = createResilientModel({ binding: scriptedBinding, targets: [target] });
    const options: TenantCallOptions = { tenant: 'acme' };

    await expect(model.generate('hi', options)).rejects.toMatchObject({ field: 'tenant' });
    expect(target.signals).toHaveLength(0);
  });

  it('include metadata, which reaches every stage', async () => {
    const seen: unknown[] = [];
    const model = createResilientModel({
      ...noBuiltIns,
      binding: scriptedBinding,
      targets: [scriptedTarget('a', { respond: 'ok' })],
      stages: [
        {
          name: 'metadata',
          wrapCall: ({ request, context, next }) => {
            seen.push(context.options.metadata);
            return next(request);
          },
          wrapTarget: ({ request, context, next }) => {
            seen.push(context.options.metadata);
            return next(request);
          },
        },
      ],
    });
    const metadata = { requestId: 'r-1' };

    await model.generate('hi', { metadata });

    expect(seen).toEqual([metadata, metadata]);
  });
});

describe('stage setup', () => {
  function recordingSetup(log: string[], setups: TestSetup[]): TestStage {
    return {
      name: 'recording',
      setup(model) {
        log.push('setup');
        setups.push(model);
      },
      wrapCall({ request, next }) {
        log.push('call');
        return next(request);
      },
    };
  }

  it('receives the binding, targets, target ids, clock and events, once, before the first call', async () => {
    const log: string[] = [];
    const setups: TestSetup[] = [];
    const clock = { ...systemClock };
    const targets = [scriptedTarget('a', { respond: '1' }, { respond: '2' }), scriptedTarget('b')];
    const model = createResilientModel({
      ...noBuiltIns,
      binding: scriptedBinding,
      targets,
      clock,
      stages: [recordingSetup(log, setups)],
    });
    expect(log).toEqual(['setup']);

    await model.generate('one');
    await model.generate('two');

    expect(log).toEqual(['setup', 'call', 'call']);
    const [setup] = setups;
    expect(setup!.binding).toBe(scriptedBinding);
    expect(setup!.targets).toEqual(targets);
    expect(setup!.targetIds).toEqual(['a', 'b']);
    expect(setup!.clock).toBe(clock);
    // The events are the model's: a listener added to the model is one the stage's sink wants.
    expect(setup!.events.wants('call-start')).toBe(false);
    model.on('call-start', () => {});
    expect(setup!.events.wants('call-start')).toBe(true);
  });

  it('runs once for each model a user stage is part of', () => {
    const log: string[] = [];
    const setups: TestSetup[] = [];
    const stage = recordingSetup(log, setups);
    const build = (id: string) =>
      createResilientModel({
        ...noBuiltIns,
        binding: scriptedBinding,
        targets: [scriptedTarget(id)],
        stages: [stage],
      });

    build('first');
    build('second');

    expect(setups.map((setup) => setup.targetIds)).toEqual([['first'], ['second']]);
  });
});
