export type {
  HeadersLike,
  RateLimitSnapshot,
  RateLimitWindow,
} from '../contract/rate-limit-snapshot';
export { isAcceptableWaitMs, maximumWaitMs } from './maximum-wait';
export { parseDuration } from './parse-duration';
export { parseHttpDate } from './parse-http-date';
export {
  type ParseRateLimitHeadersOptions,
  parseRateLimitHeaders,
} from './parse-rate-limit-headers';
export {
  type ParseRetryAfterOptions,
  parseRetryAfter,
  parseRetryAfterValue,
} from './parse-retry-after';
export { parseTimestamp } from './parse-timestamp';
export { readHeader } from './read-header';
export { suggestedWaitMs } from './suggested-wait';
