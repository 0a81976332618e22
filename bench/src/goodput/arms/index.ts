export { aiSdkGenerateText } from './ai-sdk-generate-text.ts';
export { cockatielRetry } from './cockatiel-retry.ts';
export { handWrittenRetry } from './hand-written-retry.ts';
export { plainOpenAI } from './plain-openai.ts';
export {
  resilientEvenPacing,
  resilientPublishedLimit,
  resilientWithFallback,
} from './resilient-openai.ts';
