import { InvalidOptionError } from '@resilient-llm/policies';
import {
  collect,
  noBuiltIns,
  scriptedBinding,
  scriptedTarget,
  type TestPart,
} from '@resilient-llm/test-utils/scripted-binding';
import { describe, expect, it } from 'vitest';
import type { Binding, GenerateBinding } from '../contract/binding';
import { createResilientModel } from './create-resilient-model';

const { stream: _stream, partRole: _partRole, ...generateOnly } = scriptedBinding;

describe('a binding that only generates', () => {
  const binding: GenerateBinding<ReturnType<typeof scriptedTarget>, string, string> = generateOnly;

  it('serves generate', async () => {
    const target = scriptedTarget('a', { respond: 'ok' });
    const model = createResilientModel({ binding, targets: [target], ...noBuiltIns });

    await expect(model.generate('hi')).resolves.toMatchObject({ response: 'ok <- hi' });
  });

  it('refuses stream with a TypeError before anything is sent', async () => {
    const target = scriptedTarget('a', { stream: [{ type: 'text', text: 'x' }] });
    const model = createResilientModel({ binding, targets: [target] });
    const starts: unknown[] = [];
    model.on('call-start', (event) => starts.push(event));

    const error = await model.stream('hi').catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toContain('does not stream');
    expect(target.signals).toHaveLength(0);
    expect(starts).toHaveLength(0);
  });

  it.each([
    ['partRole', { ...generateOnly, stream: scriptedBinding.stream }],
    ['stream', { ...generateOnly, partRole: scriptedBinding.partRole }],
  ])('is refused when it has only half of streaming (no %s)', (missing, half) => {
    const build = () =>
      createResilientModel({ binding: half as never, targets: [scriptedTarget('a')] });

    expect(build).toThrow(InvalidOptionError);
    expect(build).toThrow(`binding.${missing}`);
  });
});

describe('a stream of a binding that says what it opened', () => {
  it('hands `opened` on to the caller as the stream of the attempt that committed', async () => {
    const binding: Binding<ReturnType<typeof scriptedTarget>, string, string, TestPart> = {
      ...scriptedBinding,
      async stream(target, request, attempt) {
        const opened = await scriptedBinding.stream(target, request, attempt);
        return { ...opened, opened: { head: target.id } };
      },
    };
    const failing = scriptedTarget('failing', { stream: [{ throw: new Error('cut') }] });
    const healthy = scriptedTarget('healthy', {
      stream: [{ type: 'text', text: 'x' }, { type: 'finish' }],
    });
    const model = createResilientModel({
      binding,
      targets: [failing, healthy],
      ...noBuiltIns,
    });

    const { stream } = await model.stream('hi');

    expect(stream.opened).toEqual({ head: 'healthy' });
    await collect(stream);
  });
});
