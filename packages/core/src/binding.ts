/**
 * The toolkit of adapter authors: the binding contract an SDK adapter implements, the failure
 * classification and the rate-limit header parsing it builds on, and the validation toolkit
 * of `@resilient-llm/policies` for checking its own options the way the pipeline does.
 *
 * @module binding
 */
export * from '@resilient-llm/policies/validation';
export { callOptionsFrom } from './call-options/call-options-from';
export type {
  AttemptSignal,
  Binding,
  BindingStream,
  CacheScope,
  GenerateBinding,
  ModelBinding,
  StreamPartRole,
} from './contract/binding';
export * from './failure/index';
export * from './headers/index';
export { charactersPerToken, estimateTextTokens } from './tokens/estimate-text-tokens';
