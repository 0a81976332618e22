import type { CallContext } from '@resilient-llm/core';
import { classifyError } from '@resilient-llm/core/binding';
import { createDeadline } from '@resilient-llm/policies';
import type { ManualClock } from '@resilient-llm/simulator';

/** The context of a `generate` call made by hand on `clock`, for a stage used outside a model. */
export function handMadeContext(clock: ManualClock): CallContext {
  return {
    mode: 'generate',
    signal: new AbortController().signal,
    deadline: createDeadline({ clock }),
    clock,
    events: { wants: () => false, emit: () => {} },
    options: {},
    attempts: 0,
    classify: (error) => classifyError(error),
  };
}
