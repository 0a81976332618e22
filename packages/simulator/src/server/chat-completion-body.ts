import type { Answer } from '../content/answer-request';
import { splitIntoTokens } from '../content/estimate-tokens';
import { type StreamScript, sseEvent } from './stream-script';
import { chatUsage, type TokenUsage } from './usage';

/** Identity of one completion. */
export interface CompletionIdentity {
  readonly id: string;
  readonly created: number;
  readonly model: string;
}

const FINGERPRINT = 'fp_simulator';

function finishReason(answer: Answer): 'stop' | 'length' | 'tool_calls' {
  if (answer.kind === 'tool-calls') return 'tool_calls';
  return answer.truncated ? 'length' : 'stop';
}

/** A non-streaming `chat.completion`. */
export function chatCompletionBody(
  identity: CompletionIdentity,
  answer: Answer,
  usage: TokenUsage,
) {
  const message =
    answer.kind === 'text'
      ? { role: 'assistant', content: answer.pieces.join(''), refusal: null, annotations: [] }
      : {
          role: 'assistant',
          content: null,
          refusal: null,
          annotations: [],
          tool_calls: answer.calls.map((call) => ({
            id: call.id,
            type: 'function',
            function: { name: call.name, arguments: call.arguments },
          })),
        };
  return {
    id: identity.id,
    object: 'chat.completion',
    created: identity.created,
    model: identity.model,
    system_fingerprint: FINGERPRINT,
    service_tier: 'default',
    choices: [{ index: 0, message, logprobs: null, finish_reason: finishReason(answer) }],
    usage: chatUsage(usage),
  };
}

/** The `chat.completion.chunk` events of a streamed answer, ending with `[DONE]`. */
export function chatCompletionScript(
  identity: CompletionIdentity,
  answer: Answer,
  usage: TokenUsage,
  includeUsage: boolean,
): StreamScript {
  const chunk = (delta: object, finish: string | null = null) =>
    sseEvent({
      id: identity.id,
      object: 'chat.completion.chunk',
      created: identity.created,
      model: identity.model,
      system_fingerprint: FINGERPRINT,
      service_tier: 'default',
      choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
      ...(includeUsage ? { usage: null } : {}),
    });
  const content =
    answer.kind === 'text'
      ? answer.pieces.map((piece) => chunk({ content: piece }))
      : answer.calls.flatMap((call, index) => [
          chunk({
            tool_calls: [
              {
                index,
                id: call.id,
                type: 'function',
                function: { name: call.name, arguments: '' },
              },
            ],
          }),
          ...splitIntoTokens(call.arguments).map((piece) =>
            chunk({ tool_calls: [{ index, function: { arguments: piece } }] }),
          ),
        ]);
  const epilogue = [chunk({}, finishReason(answer))];
  if (includeUsage) {
    epilogue.push(
      sseEvent({
        id: identity.id,
        object: 'chat.completion.chunk',
        created: identity.created,
        model: identity.model,
        system_fingerprint: FINGERPRINT,
        choices: [],
        usage: chatUsage(usage),
      }),
    );
  }
  epilogue.push(sseEvent('[DONE]'));
  return {
    preamble: [chunk({ role: 'assistant', content: '', refusal: null })],
    content,
    epilogue,
    malformed: `data: {"id":"${identity.id}","object":"chat.completion.chunk","choices":[{"delta":{"content":\n\n`,
  };
}
