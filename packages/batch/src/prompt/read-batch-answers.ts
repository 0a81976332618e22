import { MalformedBatchAnswerError } from '../errors/malformed-batch-answer-error';

/** What a batch answer holds for one id. */
export type ItemAnswer =
  | { readonly kind: 'answered'; readonly value: unknown }
  | { readonly kind: 'missing' }
  | { readonly kind: 'ambiguous' };

/**
 * Reads a batch answer (`{ answers: [{ id, answer }] }`, or the bare array) into one entry
 * per id, whatever order the model used. Ids are compared as strings (`1` and `"1"` agree);
 * an id answered twice with different answers is ambiguous. Throws
 * `MalformedBatchAnswerError` when there is no answers array at all.
 */
export function readBatchAnswers(value: unknown): (id: string) => ItemAnswer {
  const answers = Array.isArray(value) ? value : isRecord(value) ? value.answers : undefined;
  if (!Array.isArray(answers)) {
    throw new MalformedBatchAnswerError({
      message: 'The batch answer has no "answers" array.',
      text: safeStringify(value),
    });
  }
  const byId = new Map<string, ItemAnswer>();
  for (const entry of answers) {
    if (!isRecord(entry) || !('answer' in entry)) continue;
    const id = entry.id;
    if (typeof id !== 'string' && typeof id !== 'number') continue;
    const key = String(id).trim();
    const previous = byId.get(key);
    if (previous === undefined) byId.set(key, { kind: 'answered', value: entry.answer });
    else if (
      previous.kind === 'answered' &&
      safeStringify(previous.value) !== safeStringify(entry.answer)
    ) {
      byId.set(key, { kind: 'ambiguous' });
    }
  }
  return (id) => byId.get(id) ?? { kind: 'missing' };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function safeStringify(value: unknown): string | undefined {
  try {
    return JSON.stringify(value);
  } catch {
    return undefined;
  }
}
