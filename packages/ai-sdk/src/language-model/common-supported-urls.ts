import type { LanguageModelV4 } from '@ai-sdk/provider';

/**
 * URLs every model of the chain accepts natively: a media type stays only when all models
 * list it, with the patterns (same source and flags) they all list. Anything else the AI SDK
 * downloads and sends inline, which every fallback model can read.
 */
export async function commonSupportedUrls(
  models: readonly LanguageModelV4[],
): Promise<Record<string, RegExp[]>> {
  const all = await Promise.all(models.map((model) => model.supportedUrls));
  const [first = {}, ...others] = all;
  const common: Record<string, RegExp[]> = {};
  for (const [mediaType, patterns] of Object.entries(first)) {
    const shared = patterns.filter((pattern) =>
      others.every((urls) =>
        urls[mediaType]?.some(
          (other) => other.source === pattern.source && other.flags === pattern.flags,
        ),
      ),
    );
    if (shared.length > 0) common[mediaType] = shared;
  }
  return common;
}
