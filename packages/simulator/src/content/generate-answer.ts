import { hashString } from '../random/hash-string';
import { mulberry32, type RandomSource } from '../random/mulberry32';
import type { Answer, AnswerRequest, ToolDefinition } from './answer-request';
import { type BatchItem, parseBatchItems } from './batch-items';
import { estimateTokens, splitIntoTokens } from './estimate-tokens';
import { generateFromSchema } from './generate-from-schema';
import { generateSentence, generateWordPieces } from './generate-words';
import type { JsonSchema } from './json-schema';

/** Model settings that shape an answer. */
export interface AnswerSettings {
  readonly seed: number;
  readonly responseTokens: number;
}

/**
 * Generates the deterministic answer to a request: the same seed, model and messages always
 * give the same answer. Batched prompts (`[id] question` lines) get one answer per id.
 */
export function generateAnswer(
  request: AnswerRequest,
  { seed, responseTokens }: AnswerSettings,
): Answer {
  const random = mulberry32(
    hashString(seed, request.model, request.requestSeed ?? '', request.promptText),
  );
  const tool = chooseTool(request, random);
  if (tool) {
    const parameters = generateFromSchema(tool.parameters, { random, seed, batchItems: [] });
    const callId = `call_${hashString(seed, request.promptText, tool.name).toString(36)}`;
    return {
      kind: 'tool-calls',
      calls: [{ id: callId, name: tool.name, arguments: JSON.stringify(parameters) }],
    };
  }
  const batchItems = parseBatchItems(request.lastUserText);
  if (request.format.type !== 'text') {
    const value = generateJson(
      request.format.type === 'json_schema' ? request.format.schema : undefined,
      {
        random,
        seed,
        batchItems,
      },
    );
    return { kind: 'text', pieces: splitIntoTokens(JSON.stringify(value)), truncated: false };
  }
  const pieces =
    batchItems.length > 0
      ? splitIntoTokens(
          batchItems
            .map((item) => `[${item.id}] ${itemAnswer(seed, item, responseTokens)}`)
            .join('\n'),
        )
      : generateWordPieces(random, responseTokens);
  const limit = request.maxOutputTokens;
  if (limit !== undefined && pieces.length > limit)
    return { kind: 'text', pieces: pieces.slice(0, limit), truncated: true };
  return { kind: 'text', pieces, truncated: false };
}

/** Tokens an answer counts as output. */
export function answerTokens(answer: Answer): number {
  if (answer.kind === 'text') return answer.pieces.length;
  return answer.calls.reduce(
    (total, call) => total + estimateTokens(call.name) + estimateTokens(call.arguments),
    0,
  );
}

function chooseTool(request: AnswerRequest, random: RandomSource): ToolDefinition | undefined {
  const { tools, toolChoice } = request;
  if (tools.length === 0 || toolChoice === 'none') return undefined;
  if (typeof toolChoice === 'object')
    return tools.find((tool) => tool.name === toolChoice.name) ?? tools[0];
  if (toolChoice === 'auto' && request.endsWithToolResult) return undefined;
  return tools[Math.floor(random() * tools.length)];
}

function generateJson(
  schema: JsonSchema | undefined,
  context: { random: RandomSource; seed: number; batchItems: BatchItem[] },
): unknown {
  if (schema) return generateFromSchema(schema, context);
  if (context.batchItems.length > 0) {
    return {
      answers: context.batchItems.map((item) => ({
        id: item.id,
        answer: itemAnswer(context.seed, item, 8),
      })),
    };
  }
  return { answer: generateSentence(context.random, 8) };
}

/** The answer to one batch item, depending only on seed and question. */
function itemAnswer(seed: number, item: BatchItem, words: number): string {
  return generateSentence(mulberry32(hashString(seed, item.question)), Math.max(1, words));
}
