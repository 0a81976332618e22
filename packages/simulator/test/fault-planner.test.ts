import { describe, expect, it } from 'vitest';
import { createFaultPlanner, type FaultPlan } from '../src/index';

const DRAWS = 2000;

function drawMany(profile: Parameters<typeof createFaultPlanner>[0], elapsedMs = 0): FaultPlan[] {
  const planner = createFaultPlanner(profile);
  return Array.from({ length: DRAWS }, () => planner.plan(elapsedMs));
}

function count(plans: FaultPlan[], type: string): number {
  return plans.filter((plan) => plan.fired.includes(type as FaultPlan['fired'][number])).length;
}

/** Four standard deviations of a binomial count: a fixed seed stays far inside. */
function expectNear(observed: number, probability: number): void {
  const expected = DRAWS * probability;
  const tolerance = 4 * Math.sqrt(DRAWS * probability * (1 - probability));
  expect(Math.abs(observed - expected)).toBeLessThanOrEqual(tolerance);
}

describe('fault frequencies for a fixed seed', () => {
  const profile = {
    seed: 42,
    faults: [
      { type: 'server-error' as const, probability: 0.1 },
      { type: 'overloaded' as const, probability: 0.2 },
      { type: 'drop' as const, probability: 0.3 },
      { type: 'stall' as const, probability: 0.05 },
      { type: 'malformed-chunk' as const, probability: 0.02 },
    ],
  };

  it('fires each fault at its probability', () => {
    const plans = drawMany(profile);
    expectNear(count(plans, 'server-error'), 0.1);
    // The first response fault wins: overloaded fires only when the server error did not.
    expectNear(count(plans, 'overloaded'), 0.9 * 0.2);
    expectNear(count(plans, 'drop'), 0.3);
    expectNear(count(plans, 'stall'), 0.05);
    expectNear(count(plans, 'malformed-chunk'), 0.02);
  });

  it('reproduces the same faults from the same seed, and others from another', () => {
    const first = drawMany(profile).map((plan) => plan.fired.join(','));
    const second = drawMany(profile).map((plan) => plan.fired.join(','));
    const other = drawMany({ ...profile, seed: 43 }).map((plan) => plan.fired.join(','));
    expect(second).toEqual(first);
    expect(other).not.toEqual(first);
  });

  it('draws time to first token with the configured median and p99', () => {
    const plans = drawMany({
      seed: 7,
      faults: [{ type: 'slow-first-token', medianMs: 100, p99Ms: 2000 }],
    });
    const delays = plans.map((plan) => plan.firstTokenDelayMs).sort((a, b) => a - b);
    const median = delays[DRAWS / 2]!;
    const p99 = delays[Math.floor(DRAWS * 0.99)]!;
    expect(median).toBeGreaterThan(85);
    expect(median).toBeLessThan(115);
    expect(p99).toBeGreaterThan(1300);
    expect(p99).toBeLessThan(3000);
  });

  it('fires scheduled faults only inside their windows', () => {
    const windowed = {
      faults: [
        { type: 'hang' as const, probability: 0.5, windows: [{ startMs: 100, endMs: 200 }] },
      ],
    };
    expect(count(drawMany(windowed, 50), 'hang')).toBe(0);
    expectNear(count(drawMany(windowed, 150), 'hang'), 0.5);
    expect(count(drawMany(windowed, 200), 'hang')).toBe(0);
  });

  it('uses scenario presets by name', () => {
    expectNear(count(drawMany('overloaded'), 'overloaded'), 0.3);
  });
});
