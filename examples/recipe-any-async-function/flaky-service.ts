/** An error of the pretend service, with the status and wait an HTTP API would send. */
export class ServiceError extends Error {
  readonly status: number;
  readonly retryAfterMs: number | undefined;

  constructor(status: number, retryAfterMs?: number) {
    super(`service answered ${status}`);
    this.status = status;
    this.retryAfterMs = retryAfterMs;
  }
}

/**
 * A pretend inventory service: it answers 503 to the first two calls, then a 429 asking for
 * 200 ms, then answers. It stands for any async function you do not control.
 */
export function createFlakyService() {
  const script = [new ServiceError(503), new ServiceError(503), new ServiceError(429, 200)];
  let calls = 0;
  return {
    get calls() {
      return calls;
    },
    async stockOf(sku: string, signal: AbortSignal): Promise<number> {
      signal.throwIfAborted();
      const failure = script[calls++];
      if (failure) throw failure;
      return sku.length * 7;
    },
  };
}
