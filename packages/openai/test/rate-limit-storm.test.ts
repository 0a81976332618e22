import { createManualClock, driveClock, startSimulator } from '@resilient-llm/simulator';
import OpenAI from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import { createResilientOpenAI, getProvenance } from '../src/index';
import { createRecordingFetch, type RecordedExchange } from './recording-fetch';

const start = 1_000_000;

describe('a 429 storm with server-requested waits', () => {
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const close of closers.splice(0)) await close();
  });

  it('answers every request, never sending before a requested wait is over, with few 429s', async () => {
    const clock = createManualClock(start);
    // 20 requests per 10 s per key, a shared pool, and 25% extra 429s asking for 2 s.
    const simulator = await startSimulator({ scenario: '429-storm', seed: 7, clock });
    closers.push(() => simulator.close());
    const recorder = createRecordingFetch(clock);
    const client = new OpenAI({
      baseURL: simulator.baseURL,
      apiKey: 'sk-storm',
      fetch: recorder.fetch,
    });
    const resilient = createResilientOpenAI({
      targets: [{ client }],
      clock,
      retry: { maxAttempts: 10 },
      // The scenario counts per 10 s; a queue of 40 may wait several windows.
      rateLimit: { windowMs: 10_000, maxWaitMs: 120_000 },
    });
    const ask = (content: string) =>
      resilient.chat.completions.create(
        { model: 'gpt-sim', messages: [{ role: 'user', content }] },
        { headers: { 'x-call-id': content } },
      );

    // One call first, as traffic usually starts: its headers tell the limiter the limits.
    await driveClock(clock, ask('first'));
    const calls = Array.from({ length: 40 }, (_, index) => ask(`question ${index}`));
    const answers = await driveClock(clock, Promise.all(calls));

    expect(answers).toHaveLength(40);
    for (const answer of answers) expect(answer.choices[0]?.message.content).toBeTruthy();
    const exchanges = recorder.exchanges;
    expectNoSendDuringRequestedWaits(exchanges);
    expectRetriesAfterRequestedWaits(exchanges);

    const stats = simulator.stats();
    const injected = stats.faults['rate-limit'] ?? 0;
    // 429s the limits caused (the rest are injected at random and cannot be avoided).
    expect(stats.rateLimited - injected).toBeLessThanOrEqual(8);
    expect(stats.requests).toBeLessThan(41 * 1.5);
    const retried = answers.filter((answer) => (getProvenance(answer)?.attempts ?? 0) > 1);
    expect(retried.length).toBeGreaterThan(0);
  });
});

/** After a 429 arrived at T asking for d ms, no request leaves in (T, T + d). */
function expectNoSendDuringRequestedWaits(exchanges: readonly RecordedExchange[]): void {
  const refusals = exchanges.filter((exchange) => exchange.status === 429);
  expect(refusals.length).toBeGreaterThan(0);
  for (const refusal of refusals) {
    const from = refusal.receivedAt!;
    const until = from + refusal.retryAfterMs!;
    const early = exchanges.filter((exchange) => exchange.sentAt > from && exchange.sentAt < until);
    expect(early, `sent within the wait of the 429 received at ${from - start}`).toEqual([]);
  }
}

/** Each call's next attempt after a 429 leaves no earlier than the wait that 429 asked for. */
function expectRetriesAfterRequestedWaits(exchanges: readonly RecordedExchange[]): void {
  const byCall = new Map<string | null, RecordedExchange[]>();
  for (const exchange of exchanges) {
    byCall.set(exchange.callId, [...(byCall.get(exchange.callId) ?? []), exchange]);
  }
  for (const attempts of byCall.values()) {
    for (const [index, attempt] of attempts.entries()) {
      const next = attempts[index + 1];
      if (attempt.status !== 429 || !next) continue;
      expect(next.sentAt).toBeGreaterThanOrEqual(attempt.receivedAt! + attempt.retryAfterMs!);
    }
  }
}
