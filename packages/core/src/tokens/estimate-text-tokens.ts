/** Characters per token of {@link estimateTextTokens}: the usual rule of thumb for English text. */
export const charactersPerToken = 4;

/**
 * The tokens a text counts, estimated at {@link charactersPerToken} characters a token and
 * rounded up once over all of it (several strings count as one text). The one estimate the
 * adapters and batchers share; a rate limiter corrects it from the usage a response reports.
 */
export function estimateTextTokens(text: string | readonly string[]): number {
  const characters =
    typeof text === 'string' ? text.length : text.reduce((sum, piece) => sum + piece.length, 0);
  return Math.ceil(characters / charactersPerToken);
}
