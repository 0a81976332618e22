export type { Failure, FailureKind } from '../contract/failure';
export { classifyCommonError } from './classify-common-error';
export { classifyError } from './classify-error';
export { classifyHttpFailure, type HttpFailureDetails } from './classify-http-failure';
export { type CreateFailureOptions, createFailure } from './create-failure';
export { type FailureDefaults, failureDefaults } from './failure-defaults';
export type { ProviderErrorDetails } from './recognize-provider-error';
export { summarizeFailure } from './summarize-failure';
