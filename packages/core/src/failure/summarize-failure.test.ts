import { BrokenCircuitError } from '@resilient-llm/policies';
import {
  HttpError,
  scriptedBinding,
  scriptedTarget,
} from '@resilient-llm/test-utils/scripted-binding';
import { describe, expect, it } from 'vitest';
import type { Failure } from '../contract/failure';
import { createResilientModel } from '../pipeline/create-resilient-model';
import { createFailure } from './create-failure';
import { summarizeFailure } from './summarize-failure';

describe('summarizeFailure', () => {
  it.each<[Failure, string]>([
    [
      createFailure('refused', {
        cause: new BrokenCircuitError({ retryAfterMs: 5 }),
        refusal: 'circuit-open',
      }),
      'not tried, its circuit is open',
    ],
    [
      createFailure('timeout', { cause: undefined, phase: 'first-token' }),
      'no first token in time',
    ],
    [createFailure('server', { cause: undefined, status: 502 }), 'server error (HTTP 502)'],
    [createFailure('rate-limited', { cause: undefined, status: 429 }), 'rate limited (HTTP 429)'],
    [createFailure('network', { cause: undefined }), 'the connection failed'],
    [
      createFailure('unknown', { cause: new TypeError('secret prompt text') }),
      'an unrecognised TypeError',
    ],
    [createFailure('unknown', { cause: 'a string' }), 'an unrecognised error'],
  ])('says %o as %j', (failure, summary) => {
    expect(summarizeFailure(failure)).toBe(summary);
  });

  it('names an open circuit, not the failure that opened it, once the circuit refuses', async () => {
    const dead = scriptedTarget(
      'dead',
      ...Array.from({ length: 10 }, () => ({ fail: new HttpError(529) })),
    );
    const model = createResilientModel({
      binding: scriptedBinding,
      targets: [dead],
      retry: false,
    });
    const messages: string[] = [];
    for (let call = 0; call < 6; call++) {
      messages.push(
        await model.generate('x').then(
          () => 'answered',
          (error: Error) => error.message,
        ),
      );
    }
    expect(messages.at(4)).toBe('The only target failed (dead: overloaded (HTTP 529)).');
    expect(messages.at(5)).toBe('The only target failed (dead: not tried, its circuit is open).');
    expect(dead.calls).toBe(5);
  });
});
