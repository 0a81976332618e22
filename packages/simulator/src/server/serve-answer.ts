import type { Answer } from '../content/answer-request';
import type { FaultPlan } from '../faults/fault-plan';
import type { Exchange } from './admit-request';
import { sendJson } from './http-output';
import { playStream } from './play-stream';
import { recordCount, recordOutcome } from './stats-recorder';
import type { StreamScript } from './stream-script';
import type { TokenUsage } from './usage';
import { wait } from './wait';

/** How an answer goes out: a JSON body after the full generation time, or a paced stream. */
export type AnswerDelivery =
  | { readonly kind: 'json'; readonly body: unknown }
  | { readonly kind: 'stream'; readonly script: StreamScript };

/** Sends a generated answer with the model's latency and the plan's stream faults. */
export async function serveAnswer(
  exchange: Exchange,
  plan: FaultPlan,
  answer: Answer | undefined,
  usage: TokenUsage,
  delivery: AnswerDelivery,
): Promise<void> {
  const { state, response, signal, slices, runtime, headers } = exchange;
  const tokensPerSecond = runtime.model.tokensPerSecond;
  const tokenIntervalMs = tokensPerSecond > 0 ? 1000 / tokensPerSecond : 0;
  recordOutcome(slices, '200');
  if (delivery.kind === 'json') {
    const outputTokens = answer ? usage.completionTokens : 0;
    // A non-streamed answer arrives when the last token would have.
    const delayMs = plan.firstTokenDelayMs + tokenIntervalMs * Math.max(0, outputTokens - 1);
    if (!(await wait(state.clock, delayMs, signal))) return;
    sendJson(response, 200, delivery.body, headers);
  } else {
    const playback = { clock: state.clock, signal, plan, tokenIntervalMs };
    if (!(await playStream(response, headers, delivery.script, playback))) return;
  }
  recordCount(slices, 'promptTokens', usage.promptTokens);
  recordCount(slices, 'completionTokens', usage.completionTokens);
}
