/**
 * The id of a target without one: the host of its client's `baseURL` (`api.openai.com`,
 * `openrouter.ai`, `127.0.0.1:8787`), or the whole URL when it does not parse.
 */
export function defaultTargetId(baseURL: string): string {
  try {
    return new URL(baseURL).host || baseURL;
  } catch {
    return baseURL;
  }
}
