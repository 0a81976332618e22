import { InvalidOptionError } from '@resilient-llm/policies';
import type { StageSetup } from '../contract/stage';

/** What a built-in stage builds from its model at setup, held for its hooks. */
export interface ModelState<TState, TTarget, TRequest, TResponse, TPart> {
  /**
   * The stage's `setup` hook: builds the state from the model. A second setup throws
   * `InvalidOptionError` (field `stages`): the state belongs to the first model.
   */
  readonly setup: (model: StageSetup<TTarget, TRequest, TResponse, TPart>) => void;
  /** The state built at setup; throws an `Error` saying so when the stage was never set up. */
  readonly current: () => TState;
}

/**
 * Holds the state a built-in stage needs its model for (the clock, the target ids, the
 * binding), built once at setup. A built-in serves one model: it keeps state per target, so
 * it refuses to be set up again, for another model or listed twice.
 */
export function createModelState<TState, TTarget, TRequest, TResponse, TPart>(
  stageName: string,
  build: (model: StageSetup<TTarget, TRequest, TResponse, TPart>) => TState,
): ModelState<TState, TTarget, TRequest, TResponse, TPart> {
  let state: { readonly value: TState } | undefined;
  return {
    setup(model) {
      if (state) {
        throw new InvalidOptionError({
          field: 'stages',
          value: stageName,
          reason:
            'is already part of a model: a built-in stage keeps state per target, so create one for each model',
        });
      }
      state = { value: build(model) };
    },
    current() {
      if (!state) {
        throw new Error(
          `The ${stageName} stage is not set up: createResilientModel sets up its stages when it builds the model; to run the stage on its own, call its setup first.`,
        );
      }
      return state.value;
    },
  };
}
