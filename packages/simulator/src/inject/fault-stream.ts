import type { FaultPlan } from '../faults/fault-plan';
import type { SimulatorClock } from '../time/clock';
import { delay } from './delay';
import { malformedChunkError, streamDroppedError } from './fault-errors';
import type { ModelStreamPart } from './model-shapes';

const CONTENT_PARTS = new Set(['text-delta', 'reasoning-delta', 'tool-input-delta']);

/**
 * Applies a plan's stream faults to a model's stream, counting content deltas as tokens: a
 * pause (stall), an error ending the stream (drop) or an `error` part (malformed chunk).
 */
export function faultStream(
  plan: FaultPlan,
  clock: SimulatorClock,
  signal: AbortSignal | undefined,
): TransformStream<ModelStreamPart, ModelStreamPart> {
  let tokens = 0;
  // At the finish part, faults planned beyond the last token happen before it.
  const due = (afterTokens: number | undefined, atFinish: boolean) =>
    afterTokens !== undefined && (atFinish ? afterTokens >= tokens : afterTokens === tokens);
  const beforeToken = async (
    controller: TransformStreamDefaultController<ModelStreamPart>,
    atFinish: boolean,
  ) => {
    if (due(plan.malformed?.afterTokens, atFinish)) {
      const errorPart = { type: 'error', error: malformedChunkError() };
      controller.enqueue(errorPart);
    }
    if (due(plan.drop?.afterTokens, atFinish)) {
      controller.error(streamDroppedError());
      return false;
    }
    if (plan.stall && due(plan.stall.afterTokens, atFinish))
      await delay(clock, plan.stall.durationMs, signal);
    return true;
  };
  return new TransformStream({
    async transform(part, controller) {
      if (CONTENT_PARTS.has(part.type)) {
        if (!(await beforeToken(controller, false))) return;
        tokens += 1;
      } else if (part.type === 'finish' && !(await beforeToken(controller, true))) {
        return;
      }
      controller.enqueue(part);
    },
  });
}
