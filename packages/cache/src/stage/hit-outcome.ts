import type { CacheEntry } from '../entry/cache-entry';
import type { CacheHitOutcome } from './pipeline-shapes';
import { replayStream } from './replay-stream';

/** The answer of a call served from `entry` by the stage `stageName`, without any target. */
export function hitOutcome<TResponse, TPart>(
  entry: CacheEntry,
  stageName: string,
): CacheHitOutcome<TResponse, TPart> {
  const provenance = { target: undefined, targetId: stageName, targetIndex: -1, attempts: 0 };
  return entry.kind === 'generate'
    ? { mode: 'generate', response: entry.response as TResponse, ...provenance }
    : {
        mode: 'stream',
        stream: replayStream(entry.parts as TPart[], entry.usage),
        ...provenance,
      };
}
