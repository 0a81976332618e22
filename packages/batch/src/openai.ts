export * from './openai/index';
