import type { Answer, AnswerRequest } from '../content/answer-request';
import { splitIntoTokens } from '../content/estimate-tokens';
import { hashString } from '../random/hash-string';
import type { CompletionIdentity } from './chat-completion-body';
import { type StreamScript, sseEvent } from './stream-script';
import { responsesUsage, type TokenUsage } from './usage';

type OutputItem = Record<string, unknown>;

function messageId(identity: CompletionIdentity): string {
  return `msg_${hashString(identity.id, 'message').toString(16)}`;
}

function textPart(text: string) {
  return { type: 'output_text', text, annotations: [], logprobs: [] };
}

/** The output items of an answer, as a finished response lists them. */
function outputItems(identity: CompletionIdentity, answer: Answer): OutputItem[] {
  if (answer.kind === 'text') {
    return [
      {
        type: 'message',
        id: messageId(identity),
        status: 'completed',
        role: 'assistant',
        content: [textPart(answer.pieces.join(''))],
      },
    ];
  }
  return answer.calls.map((call) => ({
    type: 'function_call',
    id: `fc_${call.id.slice(5)}`,
    call_id: call.id,
    name: call.name,
    arguments: call.arguments,
    status: 'completed',
  }));
}

/** A `response` object; `output` and `usage` empty while in progress. */
export function responseBody(
  identity: CompletionIdentity,
  request: AnswerRequest,
  answer: Answer | undefined,
  usage: TokenUsage | undefined,
) {
  const truncated = answer?.kind === 'text' && answer.truncated;
  return {
    id: identity.id,
    object: 'response',
    created_at: identity.created,
    status: answer ? (truncated ? 'incomplete' : 'completed') : 'in_progress',
    background: false,
    error: null,
    incomplete_details: truncated ? { reason: 'max_output_tokens' } : null,
    instructions: request.instructions ?? null,
    max_output_tokens: request.maxOutputTokens ?? null,
    model: identity.model,
    output: answer ? outputItems(identity, answer) : [],
    parallel_tool_calls: true,
    previous_response_id: null,
    reasoning: { effort: null, summary: null },
    service_tier: 'default',
    store: false,
    temperature: 1,
    text: {
      format: request.format.type === 'text' ? { type: 'text' } : { type: request.format.type },
    },
    tool_choice:
      typeof request.toolChoice === 'string'
        ? request.toolChoice
        : { type: 'function', ...request.toolChoice },
    tools: request.tools.map((tool) => ({
      type: 'function',
      name: tool.name,
      parameters: tool.parameters,
      strict: false,
    })),
    top_p: 1,
    truncation: 'disabled',
    usage: usage ? responsesUsage(usage) : null,
    user: null,
    metadata: {},
  };
}

/** The Responses API event stream of an answer, each event with its `sequence_number`. */
export function responsesScript(
  identity: CompletionIdentity,
  request: AnswerRequest,
  answer: Answer,
  usage: TokenUsage,
): StreamScript {
  let sequence = 0;
  const event = (type: string, fields: object) =>
    sseEvent({ type, sequence_number: sequence++, ...fields }, type);
  const inProgress = responseBody(identity, request, undefined, undefined);
  const preamble = [
    event('response.created', { response: inProgress }),
    event('response.in_progress', { response: inProgress }),
  ];
  const content: string[] = [];
  const closing: string[] = [];
  outputItems(identity, answer).forEach((item, outputIndex) => {
    if (item.type === 'message') {
      const itemId = item.id as string;
      const text = answer.kind === 'text' ? answer.pieces.join('') : '';
      const where = { item_id: itemId, output_index: outputIndex, content_index: 0 };
      preamble.push(
        event('response.output_item.added', {
          output_index: outputIndex,
          item: { ...item, status: 'in_progress', content: [] },
        }),
        event('response.content_part.added', { ...where, part: textPart('') }),
      );
      const pieces = answer.kind === 'text' ? answer.pieces : [];
      for (const piece of pieces)
        content.push(event('response.output_text.delta', { ...where, delta: piece, logprobs: [] }));
      closing.push(
        event('response.output_text.done', { ...where, text, logprobs: [] }),
        event('response.content_part.done', { ...where, part: textPart(text) }),
        event('response.output_item.done', { output_index: outputIndex, item }),
      );
      return;
    }
    const itemId = item.id as string;
    const argumentsText = item.arguments as string;
    content.push(
      event('response.output_item.added', {
        output_index: outputIndex,
        item: { ...item, arguments: '', status: 'in_progress' },
      }),
    );
    for (const piece of splitIntoTokens(argumentsText)) {
      content.push(
        event('response.function_call_arguments.delta', {
          item_id: itemId,
          output_index: outputIndex,
          delta: piece,
        }),
      );
    }
    content.push(
      event('response.function_call_arguments.done', {
        item_id: itemId,
        output_index: outputIndex,
        arguments: argumentsText,
      }),
      event('response.output_item.done', { output_index: outputIndex, item }),
    );
  });
  const finished = responseBody(identity, request, answer, usage);
  const finalType = finished.status === 'incomplete' ? 'response.incomplete' : 'response.completed';
  return {
    preamble,
    content,
    epilogue: [...closing, event(finalType, { response: finished })],
    malformed: `event: response.output_text.delta\ndata: {"type":"response.output_text.delta","delta":\n\n`,
  };
}
