/** What happened to one offered request. */
export interface Outcome {
  /** Milliseconds from the start of the run to the moment the request was offered. */
  offeredAtMs: number;
  /** Milliseconds from the start of the run to the moment it succeeded or failed. */
  settledAtMs: number;
  ok: boolean;
  /** Which target answered, when the arm can tell (fallback arms). */
  targetId?: string;
  /** Milliseconds from offering to the first content, for streaming arms. */
  firstContentMs?: number;
  /** The error's class name, for failures. */
  errorName?: string;
}

/** What an arm reports about one successful request. */
interface Success {
  targetId?: string;
  firstContentMs?: number;
}

/** Sends one request of the workload; resolves on success, rejects on failure. */
export type SendRequest = (index: number, signal: AbortSignal) => Promise<Success | undefined>;

/** Shape of an open-loop workload: requests arrive at a fixed rate whatever the answers. */
export interface LoadShape {
  requestsPerSecond: number;
  durationMs: number;
  /** Each request's deadline, from the moment it is offered. */
  deadlineMs: number;
}

/** The outcome of a call offered at `offeredAtMs`, settled at `elapsed()`. */
export function outcomeOf(
  call: ReturnType<SendRequest>,
  offeredAtMs: number,
  elapsed: () => number,
): Promise<Outcome> {
  return call.then(
    (success): Outcome => ({ offeredAtMs, settledAtMs: elapsed(), ok: true, ...success }),
    (error: unknown): Outcome => ({
      offeredAtMs,
      settledAtMs: elapsed(),
      ok: false,
      errorName: errorNameOf(error),
    }),
  );
}

/**
 * The error's class name; for an error that wraps the failures of every target (`errors`, as
 * `AllTargetsFailedError` does), the last target's failure too: `AllTargetsFailedError
 * (RateLimitWaitTooLongError)`.
 */
function errorNameOf(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  const causes = (error as { errors?: unknown }).errors;
  const last = Array.isArray(causes) ? causes.at(-1) : undefined;
  return last instanceof Error
    ? `${error.constructor.name} (${last.constructor.name})`
    : error.constructor.name;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/**
 * Offers requests at an even pace (open loop, as independent users would), each with its own
 * deadline signal, and resolves with every outcome once all have settled.
 */
export async function offerLoad(
  shape: LoadShape,
  send: SendRequest,
  onSettled?: (outcome: Outcome) => void,
): Promise<Outcome[]> {
  const count = Math.round((shape.requestsPerSecond * shape.durationMs) / 1000);
  const intervalMs = 1000 / shape.requestsPerSecond;
  const startedAt = performance.now();
  const elapsed = () => performance.now() - startedAt;
  const pending: Promise<Outcome>[] = [];
  for (let index = 0; index < count; index++) {
    await sleep(startedAt + index * intervalMs - performance.now());
    const offeredAtMs = elapsed();
    const signal = AbortSignal.timeout(shape.deadlineMs);
    pending.push(
      outcomeOf(send(index, signal), offeredAtMs, elapsed).then((outcome) => {
        onSettled?.(outcome);
        return outcome;
      }),
    );
  }
  return Promise.all(pending);
}
