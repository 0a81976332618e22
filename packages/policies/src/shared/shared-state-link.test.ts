import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { track } from '../testing/settle';
import { systemClock } from '../time/clock';
import { MemorySharedState } from './memory-shared-state';
import { SharedStateLink } from './shared-state-link';
import { firstAnswerTimeoutFloorMs } from './shared-state-options';

const settings = { state: new MemorySharedState(), key: 'k', timeoutMs: 100, rejoinAfterMs: 5000 };

/** An operation that answers after `ms` of the (fake) clock. */
const answerAfter = (ms: number) => () =>
  new Promise<string>((resolve) => setTimeout(() => resolve('answer'), ms));

/** A link whose fleet has answered once: its operations are bounded by `timeoutMs`. */
async function connectedLink() {
  const link = new SharedStateLink(settings, systemClock);
  await link.run('connect', async () => 'answer');
  return link;
}

beforeEach(() => {
  vi.useFakeTimers({ now: 1_000_000 });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('SharedStateLink', () => {
  it('falls back on a timeout, and rejoins at once when that same operation answers late', async () => {
    const link = await connectedLink();
    const events: string[] = [];
    link.onFault(({ operation }) => events.push(`fault ${operation}`));
    link.onRejoin(() => events.push('rejoin'));
    const late: string[] = [];

    const answer = link.run('read', answerAfter(150), { late: (value) => late.push(value) });
    await vi.advanceTimersByTimeAsync(101);
    expect(await answer).toBeUndefined();
    expect(link.available).toBe(false);

    // A busy event loop ran the timer first; the store was there all along.
    await vi.advanceTimersByTimeAsync(50);
    expect(late).toEqual(['answer']);
    expect(events).toEqual(['fault read', 'rejoin']);
    expect(link.available).toBe(true);
  });

  it('lets an answer due at the same moment as the timeout win (a stalled event loop runs timers first)', async () => {
    const link = new SharedStateLink(settings, systemClock);
    const faults: string[] = [];
    link.onFault(({ operation }) => faults.push(operation));
    const answer = link.run('read', answerAfter(100));
    await vi.advanceTimersByTimeAsync(101);
    expect(await answer).toEqual({ value: 'answer' });
    expect(faults).toEqual([]);
  });

  it('stays on local state when another fault came after the late operation', async () => {
    const link = await connectedLink();
    const events: string[] = [];
    link.onFault(({ operation }) => events.push(`fault ${operation}`));
    link.onRejoin(() => events.push('rejoin'));

    void link.run('slow', answerAfter(300));
    await vi.advanceTimersByTimeAsync(101);
    void link.run('failing', () => Promise.reject(new Error('down')));
    await vi.advanceTimersByTimeAsync(300);
    expect(events).toEqual(['fault slow', 'fault failing']);
    expect(link.available).toBe(false);
  });

  it('waits longer for the first answer (a connection opening, scripts loading), then timeoutMs', async () => {
    const link = new SharedStateLink(settings, systemClock);
    const faults: string[] = [];
    link.onFault(({ operation }) => faults.push(operation));
    const first = link.run('first', answerAfter(firstAnswerTimeoutFloorMs - 10));
    await vi.advanceTimersByTimeAsync(firstAnswerTimeoutFloorMs);
    expect(await first).toEqual({ value: 'answer' });

    const second = link.run('second', answerAfter(150));
    await vi.advanceTimersByTimeAsync(101);
    expect(await second).toBeUndefined();
    expect(faults).toEqual(['second']);
    await vi.runAllTimersAsync();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('times out a first operation that never answers after the floor, not before', async () => {
    const link = new SharedStateLink(settings, systemClock);
    const answer = track(link.run('first', () => new Promise<string>(() => {})));
    await vi.advanceTimersByTimeAsync(firstAnswerTimeoutFloorMs - 1);
    expect(answer.outcome.status).toBe('pending');
    // The timeout, then one turn of the event loop for an answer already on its way.
    await vi.advanceTimersByTimeAsync(2);
    expect(answer.outcome).toEqual({ status: 'fulfilled', value: undefined });
    expect(link.available).toBe(false);
  });
});
