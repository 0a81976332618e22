import type { Clock } from '@resilient-llm/core';
import {
  assertClock,
  assertOptions,
  assertRequired,
  optionKeys,
} from '@resilient-llm/core/binding';

/** Options of `createLanguageModelBinding` and `createEmbeddingBinding`. */
export interface BindingOptions {
  /** Dates the responses (rate-limit resets) and the failures. Required. */
  readonly clock: Clock;
}

const bindingOptionKeys = optionKeys<BindingOptions>({ clock: true });

/** Validates the options of a binding: throws `InvalidOptionError` naming the bad field. */
export function assertBindingOptions(options: BindingOptions): void {
  assertRequired('options', options);
  assertOptions('', options, bindingOptionKeys);
  assertRequired('clock', options.clock);
  assertClock('clock', options.clock);
}
