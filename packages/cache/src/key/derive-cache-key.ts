import { canonicalPieces, type LargeString } from './canonical-json';
import { sha256Hex } from './sha256-hex';

/** What identifies one cached answer. */
export interface CacheKeyInput {
  /** The tenant (or API key, or any partition) the entry belongs to. */
  readonly namespace: string;
  /** The identity of the target (or chain) that answers, e.g. `openai:gpt-4.1-mini`. */
  readonly targetId: string;
  /** Where the request would go (a base URL). Defaults to none. */
  readonly endpoint?: string;
  /**
   * The fingerprint of the credentials it would be sent with (`credentialFingerprint`, never
   * the credentials themselves). Defaults to none: answers are shared across credentials.
   */
  readonly credentials?: string;
  /** `generate` and `stream` answers are kept apart: their entries differ in shape. */
  readonly mode: 'generate' | 'stream';
  /** The output-affecting fields of the request (model, messages, tools, sampling, format). */
  readonly material: unknown;
}

/** Version of the key layout: bump it to orphan every existing entry. */
const keyVersion = 2;

/** Strings this long or longer are keyed by their own SHA-256 instead of being escaped. */
const largeStringLength = 4096;

/**
 * The store key of one request: SHA-256 (Web Crypto) of the canonical JSON of namespace,
 * target identity, endpoint, credential fingerprint, mode and key material, as 64 hex
 * digits, where each string of 4096
 * characters or more stands as the SHA-256 of its UTF-8 bytes. Prompts never appear in keys;
 * key order, `undefined` fields, signals and headers never change them. Rejects with
 * `UncacheableValueError` when the material has no canonical form.
 */
export async function deriveCacheKey({
  namespace,
  targetId,
  endpoint,
  credentials,
  mode,
  material,
}: CacheKeyInput): Promise<string> {
  const { pieces, largeStrings } = canonicalPieces(
    { v: keyVersion, namespace, targetId, endpoint, credentials, mode, material },
    largeStringLength,
  );
  const digests = await Promise.all(largeStrings.map(digestOfLargeString));
  largeStrings.forEach(({ index }, position) => {
    pieces[index] = digests[position]!;
  });
  return sha256Hex(pieces.join(''));
}

async function digestOfLargeString({ value }: LargeString): Promise<string> {
  // UTF-8 cannot tell lone surrogates apart (each becomes U+FFFD), so such a string is hashed
  // in its escaped JSON form, under another tag.
  const wellFormed = (value as { isWellFormed?: () => boolean }).isWellFormed?.() === true;
  return wellFormed
    ? `{"$sha256":"${await sha256Hex(value)}"}`
    : `{"$sha256-json":"${await sha256Hex(JSON.stringify(value))}"}`;
}
