import type { Binding, ModelBinding } from '../contract/binding';

/** True when `binding` streams: it has `stream` (and, as validated, `partRole`). */
export function isStreamingBinding<TTarget, TRequest, TResponse, TPart>(
  binding: ModelBinding<TTarget, TRequest, TResponse, TPart>,
): binding is Binding<TTarget, TRequest, TResponse, TPart> {
  return 'stream' in binding && typeof binding.stream === 'function';
}
