import { describe, expect, it } from 'vitest';
import { walkCauseChain } from './walk-cause-chain';

describe('walkCauseChain', () => {
  it('lists the error, then its causes, nearest first', () => {
    const root = new Error('root');
    const middle = new Error('middle', { cause: root });
    const top = new Error('top', { cause: middle });
    expect(walkCauseChain(top)).toEqual([top, middle, root]);
  });

  it('includes the members of an AggregateError', () => {
    const first = new Error('first');
    const second = new Error('second');
    const aggregate = new AggregateError([first, second], 'many');
    const top = new TypeError('fetch failed', { cause: aggregate });
    expect(walkCauseChain(top)).toEqual([top, aggregate, first, second]);
  });

  it('survives cycles and stops at a bounded depth', () => {
    const looping: { cause?: unknown } = {};
    looping.cause = looping;
    expect(walkCauseChain(looping)).toEqual([looping]);
    let deep: unknown = new Error('bottom');
    for (let index = 0; index < 100; index++) deep = new Error(`level ${index}`, { cause: deep });
    expect(walkCauseChain(deep).length).toBeLessThanOrEqual(9);
  });

  it('survives properties that throw and primitive values', () => {
    const hostile = Object.defineProperty({}, 'cause', {
      get() {
        throw new Error('boom');
      },
    });
    expect(walkCauseChain(hostile)).toEqual([hostile]);
    expect(walkCauseChain('socket hang up')).toEqual(['socket hang up']);
    expect(walkCauseChain(undefined)).toEqual([]);
  });
});
