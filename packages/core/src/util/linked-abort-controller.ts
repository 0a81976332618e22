import { onAbort } from '@resilient-llm/policies/internal';

/** An AbortController that also aborts, with the same reason, when `parent` aborts. */
export interface LinkedAbortController {
  readonly controller: AbortController;
  /** Stops listening to the parent. */
  unlink(): void;
}

/** Creates a child controller of `parent`; call `unlink()` when the child's work ends. */
export function linkAbortController(parent: AbortSignal): LinkedAbortController {
  const controller = new AbortController();
  if (parent.aborted) {
    controller.abort(parent.reason);
    return { controller, unlink: () => {} };
  }
  const unlink = onAbort(parent, () => controller.abort(parent.reason));
  return { controller, unlink };
}
