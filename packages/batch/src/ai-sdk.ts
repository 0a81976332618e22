export * from './ai-sdk/index';
