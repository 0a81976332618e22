import { optionKeys } from '@resilient-llm/core/binding';
import type OpenAI from 'openai';

/**
 * How a target names the models callers ask for: a record from the caller's model name to
 * this target's (names not listed pass unchanged), or a function of the caller's model name.
 */
export type ModelMapping = Readonly<Record<string, string>> | ((model: string) => string);

/** One OpenAI-compatible channel in the fallback chain. */
export interface OpenAITarget {
  /** The SDK client of this channel (its `baseURL`, `apiKey`, headers, `fetch`). Its own retries are switched off for every call. */
  readonly client: OpenAI;
  /** The model names of this channel (e.g. `{ 'qwen/qwen3.6-plus': 'qwen3.6-plus' }`). Defaults to the caller's model names unchanged. */
  readonly models?: ModelMapping;
  /** A stable, unique name in events, errors and per-target options. Defaults to the host of the client's `baseURL`, with `#index` appended when an earlier target has the same host. */
  readonly id?: string;
}

/** Every key of {@link OpenAITarget}: any other key is refused. */
export const openAITargetKeys = optionKeys<OpenAITarget>({ client: true, models: true, id: true });
