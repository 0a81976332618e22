/** Characters per token of the simulator's estimate, close to OpenAI's English average. */
export const CHARS_PER_TOKEN = 4;

/** Token estimate of a text: `ceil(characters / 4)`, the documented rule for prompts and limits. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / CHARS_PER_TOKEN);
}

/** Splits a text into pieces of about one token each, for streaming JSON and arguments. */
export function splitIntoTokens(text: string): string[] {
  const pieces: string[] = [];
  for (let index = 0; index < text.length; index += CHARS_PER_TOKEN) {
    pieces.push(text.slice(index, index + CHARS_PER_TOKEN));
  }
  return pieces;
}
