import type { ServerResponse } from 'node:http';
import type { FaultPlan } from '../faults/fault-plan';
import type { SimulatorClock } from '../time/clock';
import { writeFlushed } from './http-output';
import type { StreamScript } from './stream-script';
import { wait } from './wait';

/** Timing and faults of one stream. */
export interface StreamPlayback {
  readonly clock: SimulatorClock;
  readonly signal: AbortSignal;
  readonly plan: FaultPlan;
  /** Pause between tokens; 0 sends them back to back. */
  readonly tokenIntervalMs: number;
}

const SSE_HEADERS = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache',
  connection: 'keep-alive',
};

/**
 * Plays a stream: headers at once, the first token after the time to first token, then one
 * token per interval, with a stall, a drop (connection destroyed, no finish) or a broken
 * event where the plan says. Resolves `true` when the stream ended normally.
 */
export async function playStream(
  response: ServerResponse,
  headers: Record<string, string>,
  script: StreamScript,
  { clock, signal, plan, tokenIntervalMs }: StreamPlayback,
): Promise<boolean> {
  response.writeHead(200, { ...headers, ...SSE_HEADERS });
  const quiet =
    plan.firstTokenDelayMs <= 0 &&
    tokenIntervalMs <= 0 &&
    !plan.stall &&
    !plan.drop &&
    !plan.malformed;
  if (quiet) {
    response.end(script.preamble.join('') + script.content.join('') + script.epilogue.join(''));
    return true;
  }
  response.flushHeaders();
  if (!(await wait(clock, plan.firstTokenDelayMs, signal))) return false;
  const tokens = script.content.length;
  const malformedAt = plan.malformed ? Math.min(plan.malformed.afterTokens, tokens) : -1;
  const dropAt = plan.drop ? Math.min(plan.drop.afterTokens, tokens) : -1;
  let pending = script.preamble.join('');
  for (let index = 0; index <= tokens; index++) {
    if (malformedAt === index) pending += script.malformed;
    if (dropAt === index) {
      await writeFlushed(response, pending);
      response.socket?.destroy();
      return false;
    }
    if (index === tokens) break;
    const pauseMs =
      plan.stall?.afterTokens === index ? plan.stall.durationMs : index > 0 ? tokenIntervalMs : 0;
    if (pauseMs > 0) {
      response.write(pending);
      pending = '';
      if (!(await wait(clock, pauseMs, signal))) return false;
    }
    pending += script.content[index];
  }
  response.end(pending + script.epilogue.join(''));
  return true;
}
