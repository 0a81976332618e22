/**
 * Helpers the sibling packages of `@resilient-llm/core` share. Not covered by semver: they
 * change with the packages that use them, so do not import them yourself.
 *
 * @internal
 * @packageDocumentation
 */
export { startTimer } from '@resilient-llm/policies';
export { EventHub } from './events/event-hub';
export { resilientModelOptionKeys } from './pipeline/model-options';
