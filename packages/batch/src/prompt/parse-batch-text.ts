import { MalformedBatchAnswerError } from '../errors/malformed-batch-answer-error';

/** Parses the text of a batch answer as JSON; unreadable text is a `MalformedBatchAnswerError`. */
export function parseBatchText(text: string | null | undefined): unknown {
  if (text === null || text === undefined || text.trim() === '') {
    throw new MalformedBatchAnswerError({ message: 'The batch answer is empty.' });
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new MalformedBatchAnswerError({
      message: 'The batch answer is not valid JSON.',
      text,
      cause: error,
    });
  }
}
