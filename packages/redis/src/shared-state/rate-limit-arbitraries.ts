import type {
  RateLimitObservation,
  RateLimitWindowObservation,
  SharedRateLimitCommand,
  SharedRateLimitLimits,
} from '@resilient-llm/policies';
import fc from 'fast-check';

/** Limits of every refill mode, some dimensions unlimited. */
const limitsArbitrary: fc.Arbitrary<SharedRateLimitLimits> = fc.record({
  requestsPerWindow: fc.oneof(fc.constant(Infinity), fc.integer({ min: 1, max: 20 })),
  tokensPerWindow: fc.oneof(fc.constant(Infinity), fc.integer({ min: 1, max: 5_000 })),
  windowMs: fc.oneof(fc.constantFrom(1_000, 60_000), fc.integer({ min: 100, max: 100_000 })),
  refillMode: fc.constantFrom('continuous', 'at-reset', 'fixed-window'),
});

/**
 * A window as a server reports it: any field may be missing, and some lie (a limit above or
 * below the configured one, more remaining than the limit, a reset far off or at once).
 */
function windowArbitrary(capacity: number): fc.Arbitrary<RateLimitWindowObservation> {
  const scale = Number.isFinite(capacity) ? capacity : 100;
  return fc.record(
    {
      limit: fc.oneof(
        fc.constant(capacity),
        fc.integer({ min: 0, max: Math.ceil(scale * 2) }),
        fc.constant(-1),
      ),
      remaining: fc.oneof(
        fc.integer({ min: 0, max: Math.ceil(scale) }),
        fc.double({ min: 0, max: scale * 1.5, noNaN: true }),
        fc.constant(-1),
      ),
      resetMs: fc.oneof(
        fc.double({ min: 0, max: 120_000, noNaN: true }),
        fc.integer({ min: 0, max: 2_000 }),
      ),
      // The window length a limiter inferred from earlier reports.
      windowMs: fc.oneof(fc.integer({ min: 1, max: 120_000 }), fc.double({ min: 0, max: 5_000 })),
    },
    { requiredKeys: [] },
  );
}

function observationArbitrary(limits: SharedRateLimitLimits): fc.Arbitrary<RateLimitObservation> {
  return fc.record(
    {
      requests: windowArbitrary(limits.requestsPerWindow),
      tokens: windowArbitrary(limits.tokensPerWindow),
    },
    { requiredKeys: [] },
  );
}

/**
 * One step of a sequence: a time step, then a list of commands applied at once (a pause is
 * relative to the step's now; `Infinity`: endless).
 */
export interface RateLimitStep {
  readonly advanceMs: number;
  readonly commands: readonly SharedRateLimitCommand[];
  readonly pauseMs: number;
}

/** Commands of every kind with plausible arguments and observations for `limits`. */
function stepArbitrary(limits: SharedRateLimitLimits): fc.Arbitrary<RateLimitStep> {
  const tokenScale = Number.isFinite(limits.tokensPerWindow) ? limits.tokensPerWindow : 1_000;
  const observation = observationArbitrary(limits);
  const command: fc.Arbitrary<SharedRateLimitCommand> = fc.oneof(
    {
      weight: 4,
      arbitrary: fc.record(
        {
          op: fc.constant('take' as const),
          tokens: fc.oneof(
            fc.constant(0),
            fc.integer({ min: 0, max: Math.ceil(tokenScale * 1.5) }),
            fc.double({ min: 0, max: tokenScale, noNaN: true }),
          ),
          reserveRequests: fc.integer({ min: 0, max: 2 }),
          // Granted ahead within this, where the buckets drip back.
          maxWaitMs: fc.oneof(
            fc.constant(0),
            fc.integer({ min: 0, max: limits.windowMs * 3 }),
            fc.double({ min: 0, max: limits.windowMs, noNaN: true }),
            fc.constant(Infinity),
          ),
        },
        { requiredKeys: ['op', 'tokens', 'reserveRequests'] },
      ),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        op: fc.constant('refund' as const),
        requests: fc.integer({ min: -1, max: 1 }),
        tokens: fc.integer({ min: -Math.ceil(tokenScale / 2), max: Math.ceil(tokenScale / 2) }),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record(
        { op: fc.constant('observe' as const), observation, fixedWindows: fc.boolean() },
        { requiredKeys: ['op', 'observation'] },
      ),
    },
    {
      weight: 1,
      arbitrary: fc.record(
        {
          op: fc.constant('rate-limited' as const),
          observation,
          pauseUntil: fc.constant(0),
          learn: fc.boolean(),
        },
        { requiredKeys: ['op', 'pauseUntil', 'learn'] },
      ),
    },
  );
  return fc.record({
    advanceMs: fc.oneof(
      fc.constant(0),
      fc.integer({ min: 0, max: limits.windowMs * 2 }),
      fc.double({ min: 0, max: limits.windowMs / 2, noNaN: true }),
    ),
    commands: fc.array(command, { minLength: 1, maxLength: 3 }),
    pauseMs: fc.oneof(
      { weight: 4, arbitrary: fc.constant(0) },
      { weight: 4, arbitrary: fc.integer({ min: 1, max: limits.windowMs * 2 }) },
      { weight: 1, arbitrary: fc.constant(Infinity) },
    ),
  });
}

/** Limits with a sequence of up to `maxSteps` steps for them. */
export function scenarioArbitrary(
  maxSteps: number,
): fc.Arbitrary<{ limits: SharedRateLimitLimits; steps: RateLimitStep[] }> {
  return limitsArbitrary.chain((limits) =>
    fc.record({
      limits: fc.constant(limits),
      steps: fc.array(stepArbitrary(limits), { minLength: 1, maxLength: maxSteps }),
    }),
  );
}
