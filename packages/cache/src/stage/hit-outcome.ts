import type { CallOutcome } from '@resilient-llm/core';
import type { CacheEntry } from '../entry/cache-entry';
import { replayStream } from './replay-stream';

/**
 * The answer of a call served from `entry` by the stage `stageName`, without any target
 * (`target` undefined, `targetIndex` -1). The response is what a miss of the same pipeline
 * stored, so it has the pipeline's response type.
 */
export function hitOutcome<TTarget, TResponse, TPart>(
  entry: CacheEntry,
  stageName: string,
): CallOutcome<TTarget, TResponse, TPart> {
  const provenance = { target: undefined, targetId: stageName, targetIndex: -1, attempts: 0 };
  return entry.kind === 'generate'
    ? { mode: 'generate', response: entry.response as TResponse, ...provenance }
    : {
        mode: 'stream',
        stream: replayStream(entry.parts as TPart[], entry.usage, entry.opened),
        ...provenance,
      };
}
