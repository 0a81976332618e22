import { failureDefaults } from '@resilient-llm/core/binding';
import { MemorySharedState, RetryBudget, systemClock } from '@resilient-llm/policies';
import fc from 'fast-check';
import {
  either,
  type FieldCase,
  field,
  invalid,
  mostly,
  type OptionCase,
  objectCase,
  pathOf,
  valid,
} from './option-case';

// Values of the wrong type for every kind of field.
const notANumber = fc.oneof(
  fc.constant('5'),
  fc.constant(null),
  fc.constant({}),
  fc.constant(Number.NaN),
);
const notAFunction = fc.oneof(fc.constant('yes'), fc.constant(5), fc.constant({}));
const notAnObject = fc.oneof(
  fc.constant('yes'),
  fc.constant(5),
  fc.constant(true),
  fc.constant([]),
);
const count = (min: number, max: number) => fc.integer({ min, max });
const duration = fc.integer({ min: 0, max: 60_000 });
const limit = (min: number) => fc.oneof(fc.integer({ min, max: 100_000 }), fc.constant(Infinity));
const badCount = fc.oneof(notANumber, fc.constant(-1), fc.constant(0.5));
const timeLimit = field(
  fc.oneof(fc.integer({ min: 1, max: 600_000 }), fc.constant(Infinity)),
  fc.oneof(notANumber, fc.constant(0), fc.constant(-5)),
);

/** An options object that may also be `false` (a stage switched off) or not an object at all. */
const stageOption = (options: FieldCase): FieldCase =>
  mostly(
    either(valid(fc.constant(false)), options, options, options),
    invalid(fc.oneof(fc.constant(true), notAnObject)),
  );

/** Shared options plus `targets`: overrides for some of `targetIds`, each of the target-level fields. */
function perTarget(
  fields: Record<string, FieldCase>,
  targetIds: readonly string[],
  { extra = [], sharedOnly = {} }: { extra?: string[]; sharedOnly?: Record<string, FieldCase> },
): FieldCase {
  const override = objectCase(fields, { extra });
  const overrides: FieldCase = (path) =>
    fc
      .subarray([...targetIds])
      .chain((ids) =>
        fc.tuple(...ids.map((id) => override(pathOf(path, id)))).map((cases) => ({ ids, cases })),
      )
      .map(({ ids, cases }) => ({
        value: Object.fromEntries(ids.map((id, index) => [id, cases[index]!.value])),
        offending: cases.flatMap((fieldCase) => fieldCase.offending),
      }));
  const targets = mostly(overrides, invalid(notAnObject));
  return objectCase({ ...fields, ...sharedOnly, targets }, { extra });
}

const retry = objectCase(
  {
    maxAttempts: field(limit(1), fc.oneof(badCount, fc.constant(0))),
    jitter: field(fc.constantFrom('full', 'decorrelated', 'none'), fc.constantFrom('some', 5)),
    initialDelayMs: field(duration, notANumber),
    multiplier: field(
      fc.double({ min: 1, max: 3, noNaN: true }),
      fc.oneof(notANumber, fc.constant(0.5)),
    ),
    maxDelayMs: field(limit(0), notANumber),
    maxServerDelayMs: field(limit(0), notANumber),
    serverDelaySpread: field(
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.oneof(notANumber, fc.constant(2)),
    ),
    budget: field(
      fc.constant(null).map(() => new RetryBudget()),
      fc.oneof(fc.constant({}), fc.constant({ recordCall() {} }), fc.constant(5)),
    ),
  },
  { extra: ['shouldRetry', 'retryAfterMs', 'deadline', 'clock', 'attempts'] },
);

const strategy = mostly(
  either(
    objectCase(
      { kind: valid(fc.constant('consecutive')), threshold: field(count(1, 10), badCount) },
      { required: ['kind'] },
    ),
    objectCase(
      {
        kind: valid(fc.constant('sampling')),
        threshold: field(
          fc.double({ min: 0.01, max: 1, noNaN: true }),
          fc.oneof(notANumber, fc.constant(2)),
        ),
        windowMs: field(count(1, 60_000), badCount),
        minimumThroughput: field(count(1, 20), badCount),
      },
      { required: ['kind'] },
    ),
  ),
  invalid(fc.oneof(fc.constant({ kind: 'bogus' }), fc.constant({}), notAnObject)),
);

const kinds = Object.keys(failureDefaults);
const circuitBreakerFields = {
  strategy,
  halfOpenAfterMs: field(duration, notANumber),
  halfOpenMultiplier: field(
    fc.double({ min: 1, max: 3, noNaN: true }),
    fc.oneof(notANumber, fc.constant(0.5)),
  ),
  // Never below any half-open time generated here.
  maxHalfOpenAfterMs: field(
    fc.oneof(fc.integer({ min: 60_000, max: 600_000 }), fc.constant(Infinity)),
    notANumber,
  ),
  halfOpenProbes: field(count(1, 3), badCount),
  key: field(fc.constantFrom('breaker-a', 'breaker-b'), fc.constantFrom('', 5)),
};
const countedKinds = field(
  fc.subarray(kinds),
  fc.oneof(
    fc.constant('server'),
    fc.constant(5),
    fc.constant(['server', 'bogus']),
    fc.constant([null]),
  ),
);

const rateLimitFields = {
  requestsPerWindow: field(limit(1), fc.oneof(badCount, fc.constant(0))),
  tokensPerWindow: field(limit(1), fc.oneof(badCount, fc.constant(0))),
  windowMs: field(count(1, 120_000), badCount),
  maxWaitMs: field(limit(0), notANumber),
  windowKind: field(fc.constantFrom('auto', 'continuous', 'fixed'), fc.constantFrom('sliding', 5)),
  key: field(fc.constantFrom('limiter-a', 'limiter-b'), fc.constantFrom('', 5)),
  responseTimeReserveMs: field(
    fc.oneof(fc.constant('observed'), duration),
    fc.oneof(fc.constant('p90'), fc.constant(-1)),
  ),
};

const bulkheadFields = {
  maxConcurrent: field(
    fc.oneof(count(1, 10), fc.constant(Infinity)),
    fc.oneof(badCount, fc.constant(0)),
  ),
  maxQueued: field(fc.oneof(count(0, 10), fc.constant(Infinity)), badCount),
  maxQueueWaitMs: field(limit(0), notANumber),
};

const streamTimeouts = mostly(
  objectCase({ firstContentTimeoutMs: timeLimit, idleTimeoutMs: timeLimit }),
  invalid(notAnObject),
);

const stages = field(
  fc.constantFrom(
    [],
    [
      {
        name: 'log',
        wrapCall: ({ request, next }: { request: unknown; next: (r: unknown) => unknown }) =>
          next(request),
      },
    ],
  ),
  fc.constantFrom('x', {}, [{}], [{ name: '' }], [{ name: 'x', wrapTarget: 3 }]),
);

/**
 * The pipeline's own options (everything but `binding` and `targets`) as random objects that
 * mix valid fields, values of the wrong type or range, and unknown keys (near misses of real
 * keys among them) at every level, per-target overrides for `targetIds` included. `rootKeys`
 * are the keys the top level accepts, `notRootKeys` keys a caller might wrongly expect there;
 * `without` drops fields an adapter does not take, `own` adds those it takes besides (the
 * `required` ones always).
 */
export function pipelineOptionCases({
  targetIds,
  rootKeys,
  notRootKeys = [],
  without = [],
  own = {},
  required = [],
}: {
  targetIds: readonly string[];
  rootKeys: readonly string[];
  notRootKeys?: readonly string[];
  without?: readonly string[];
  own?: Record<string, FieldCase>;
  required?: string[];
}): fc.Arbitrary<OptionCase> {
  const fields: Record<string, FieldCase> = {
    retry: stageOption(retry),
    circuitBreaker: stageOption(
      perTarget(circuitBreakerFields, targetIds, {
        extra: ['shouldCount', 'clock', 'shared'],
        sharedOnly: { countedKinds },
      }),
    ),
    rateLimit: stageOption(perTarget(rateLimitFields, targetIds, { extra: ['clock', 'rpm'] })),
    bulkhead: stageOption(perTarget(bulkheadFields, targetIds, { extra: ['clock'] })),
    attemptTimeoutMs: timeLimit,
    timeoutMs: timeLimit,
    streamTimeouts,
    stages,
    clock: field(fc.constant(systemClock), fc.constantFrom({}, { now: () => 0 }, 'system')),
    sharedState: field(
      fc.constant(null).map(() => new MemorySharedState()),
      fc.constantFrom('redis://localhost', 5, [], true),
    ),
    telemetry: field(
      fc.constant(() => {}),
      notAFunction,
    ),
  };
  for (const key of without) delete fields[key];
  const extra = ['timeout', 'fallbacks', 'maxAttempts', ...notRootKeys];
  return objectCase({ ...fields, ...own }, { knownKeys: rootKeys, extra, required })('');
}
