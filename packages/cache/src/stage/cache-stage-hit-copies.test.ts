import type { CallOutcome } from '@resilient-llm/core';
import { createManualClock } from '@resilient-llm/simulator';
import { testEpochMs } from '@resilient-llm/test-utils/test-epoch';
import { describe, expect, it } from 'vitest';
import { handMadeContext } from '../../test/hand-made-context';
import { promisedStore } from '../../test/promised-store';
import { MemoryCacheStore } from '../store/memory-cache-store';
import { createCacheStage } from './create-cache-stage';

interface Answer {
  readonly choices: Array<{ text: string }>;
  readonly created: Date;
}

function answer(): Answer {
  return { choices: [{ text: 'a $1 answer' }], created: new Date(testEpochMs) };
}

describe('cache hits', () => {
  for (const answers of ['synchronously', 'with promises'] as const) {
    it(`hand every caller its own copy of the answer (store answering ${answers})`, async () => {
      const clock = createManualClock(testEpochMs);
      const memory = new MemoryCacheStore({ clock });
      const stage = createCacheStage({
        store: answers === 'synchronously' ? memory : promisedStore(memory),
        keyOf: (request: { prompt: string }) => request.prompt,
        shareAcrossCredentials: true,
      });
      const context = handMadeContext(clock);
      let upstream = 0;
      const next = async (): Promise<CallOutcome<undefined, Answer, never>> => {
        upstream += 1;
        return {
          mode: 'generate',
          response: answer(),
          target: undefined,
          targetId: 'by-hand',
          targetIndex: 0,
          attempts: 1,
        };
      };
      const call = async () => {
        const outcome = await stage.wrapCall({ request: { prompt: 'hi' }, context, next });
        if (outcome.mode !== 'generate') throw new Error('a generate call answered a stream');
        return outcome.response as Answer;
      };

      await call();
      await Promise.resolve();
      const first = await call();
      first.choices[0]!.text = 'changed by its caller';
      first.choices.push({ text: 'added by its caller' });
      const second = await call();

      expect(second).toEqual(answer());
      expect(second.created).toBeInstanceOf(Date);
      expect(second).not.toBe(first);
      expect(upstream).toBe(1);
      expect(stage.stats()).toMatchObject({ hits: 2, misses: 1 });
    });
  }
});
