export { MalformedBatchAnswerError } from './malformed-batch-answer-error';
export { MissingItemAnswerError } from './missing-item-answer-error';
