import type { LanguageModelV4StreamResult } from '@ai-sdk/provider';

/**
 * What a streaming attempt opened beside its parts (its `BindingStream.opened`, handed on as
 * the committed stream's `opened`): the `request` and `response` of `doStream`, which the
 * resilient model returns from the attempt that committed.
 */
export type LanguageModelStreamOpened = Pick<LanguageModelV4StreamResult, 'request' | 'response'>;
