import { refusal } from '@resilient-llm/test-utils/refusal';
import { describe, expect, it } from 'vitest';
import {
  assertAbortSignal,
  assertArrayOf,
  assertBoolean,
  assertMethods,
  assertObject,
  assertRequired,
  assertString,
  optionKeys,
  withoutKeys,
} from './validate';

describe('the validation toolkit', () => {
  it('assertArrayOf refuses a string where an array of choices belongs, and names a bad item by index', () => {
    const kinds = ['server', 'timeout'] as const;
    expect(refusal(() => assertArrayOf('countedKinds', 'server', kinds))).toMatchObject({
      field: 'countedKinds',
      reason: 'must be an array of "server", "timeout"',
    });
    expect(refusal(() => assertArrayOf('countedKinds', ['server', 'bogus'], kinds))).toMatchObject({
      field: 'countedKinds[1]',
      value: 'bogus',
    });
    expect(refusal(() => assertArrayOf('countedKinds', [undefined], kinds)).field).toBe(
      'countedKinds[0]',
    );
    expect(() => assertArrayOf('countedKinds', ['timeout'], kinds)).not.toThrow();
  });

  it('assertMethods names the first method an object lacks', () => {
    const methods = ['recordCall', 'tryRetry'];
    expect(refusal(() => assertMethods('budget', {}, methods))).toMatchObject({
      field: 'budget.recordCall',
      reason: 'must be a function (budget needs the methods recordCall, tryRetry)',
    });
    expect(refusal(() => assertMethods('budget', { recordCall() {} }, methods)).field).toBe(
      'budget.tryRetry',
    );
    expect(refusal(() => assertMethods('budget', 5, methods)).field).toBe('budget');
    class Budget {
      recordCall() {}
      tryRetry() {
        return true;
      }
    }
    expect(() => assertMethods('budget', new Budget(), methods)).not.toThrow();
  });

  it('assertAbortSignal accepts signals and refuses anything else', () => {
    expect(() => assertAbortSignal('signal', new AbortController().signal)).not.toThrow();
    for (const bad of ['x', null, {}, { aborted: false }]) {
      expect(refusal(() => assertAbortSignal('signal', bad)).reason).toBe('must be an AbortSignal');
    }
  });

  it('checks strings, booleans, objects and presence, letting undefined through all but the last', () => {
    expect(refusal(() => assertString('id', '  ')).reason).toBe('must be a non-empty string');
    expect(refusal(() => assertString('id', 5)).reason).toBe('must be a string');
    expect(() => assertString('instructions', '', { allowEmpty: true })).not.toThrow();
    expect(refusal(() => assertBoolean('strict', 'yes')).reason).toBe('must be true or false');
    expect(refusal(() => assertObject('retry', [])).reason).toBe('must be an object');
    expect(refusal(() => assertObject('retry', null, 'must be an object or false')).reason).toBe(
      'must be an object or false',
    );
    expect(refusal(() => assertRequired('send', null)).reason).toBe('is required');
    for (const check of [assertString, assertBoolean, assertObject]) {
      expect(() => check('field', undefined)).not.toThrow();
    }
  });

  it('lists the keys of an options type, less those an owner fills in', () => {
    const keys = optionKeys<{ a?: number; b: string; clock?: unknown }>({
      a: true,
      b: true,
      clock: true,
    });
    expect(keys).toEqual(['a', 'b', 'clock']);
    expect(withoutKeys(keys, ['clock'])).toEqual(['a', 'b']);
  });
});
