import { describe, expect, it } from 'vitest';
import { StoreBreaker, type StoreBreakerState } from './store-breaker';

function breaker() {
  const changes: StoreBreakerState['kind'][] = [];
  const subject = new StoreBreaker({ failureThreshold: 3, cooldownMs: 1_000 }, (state) =>
    changes.push(state),
  );
  return { subject, changes };
}

describe('StoreBreaker', () => {
  it('opens after failureThreshold failures in a row; a success in between starts the count again', () => {
    const { subject, changes } = breaker();
    subject.record('call', false, 0);
    subject.record('call', false, 0);
    subject.record('call', true, 0);
    subject.record('call', false, 0);
    subject.record('call', false, 0);
    expect(subject.admit(0)).toBe('call');
    subject.record('call', false, 10);

    expect(changes).toEqual(['open']);
    expect(subject.admit(10)).toBe('skip');
    expect(subject.admit(1_009)).toBe('skip');
  });

  it('lets one probe through after the cool-down: its success closes, its failure opens again', () => {
    const { subject, changes } = breaker();
    for (let failure = 0; failure < 3; failure++) subject.record('call', false, 0);

    expect(subject.admit(1_000)).toBe('probe');
    expect(subject.admit(1_000)).toBe('skip');
    subject.record('probe', false, 1_000);
    expect(subject.admit(1_999)).toBe('skip');
    expect(subject.admit(2_000)).toBe('probe');
    subject.record('probe', true, 2_000);

    expect(subject.admit(2_000)).toBe('call');
    expect(changes).toEqual(['open', 'half-open', 'open', 'half-open', 'closed']);
  });

  it('ignores outcomes of operations admitted before a change of state', () => {
    const { subject, changes } = breaker();
    for (let failure = 0; failure < 3; failure++) subject.record('call', false, 0);
    // Operations admitted while closed end after the breaker opened.
    subject.record('call', true, 5);
    expect(subject.admit(5)).toBe('skip');
    expect(subject.admit(1_000)).toBe('probe');
    subject.record('call', true, 1_000);
    subject.record('call', false, 1_000);

    expect(subject.admit(1_000)).toBe('skip');
    expect(changes).toEqual(['open', 'half-open']);
  });
});
