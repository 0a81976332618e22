/** About four characters a token: the estimate used by the limiter and by the simulator. */
export function estimateTextTokens(text: string): number {
  return Math.ceil(text.length / 4);
}
