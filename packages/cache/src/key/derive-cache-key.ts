import type { MaybePromise } from '@resilient-llm/policies';
import { canonicalPieces, type LargeString } from './canonical-json';
import { type BudgetedDigest, budgetedDigest } from './sha256-digest';

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
 * The store key of one request: SHA-256 of the canonical JSON of namespace, target identity,
 * endpoint, credential fingerprint, mode and key material, as 64 hex digits, where each
 * string of 4096 characters or more stands as the SHA-256 of its UTF-8 bytes. Prompts never
 * appear in keys; key order, `undefined` fields, signals and headers never change them.
 * Rejects with `UncacheableValueError` when the material has no canonical form.
 */
export async function deriveCacheKey(input: CacheKeyInput): Promise<string> {
  return cacheKeyOf(input);
}

/**
 * {@link deriveCacheKey}, answered synchronously when the material is short: the first 16 KiB
 * a key hashes are hashed at once (`@noble/hashes`), the rest through Web Crypto, to the same
 * digest. Throws `UncacheableValueError` when the material has no canonical form.
 */
export function cacheKeyOf({
  namespace,
  targetId,
  endpoint,
  credentials,
  mode,
  material,
}: CacheKeyInput): MaybePromise<string> {
  const { pieces, largeStrings } = canonicalPieces(
    { v: keyVersion, namespace, targetId, endpoint, credentials, mode, material },
    largeStringLength,
  );
  const digest = budgetedDigest();
  const finish = () => digest(pieces.join(''));
  if (largeStrings.length === 0) return finish();
  const digests = largeStrings.map((large) => digestOfLargeString(large, digest));
  if (digests.every((placeholder) => typeof placeholder === 'string')) {
    fill(pieces, largeStrings, digests as string[]);
    return finish();
  }
  return Promise.all(digests).then((placeholders) => {
    fill(pieces, largeStrings, placeholders);
    return finish();
  });
}

function fill(pieces: string[], largeStrings: readonly LargeString[], placeholders: string[]) {
  largeStrings.forEach(({ index }, position) => {
    pieces[index] = placeholders[position]!;
  });
}

/** What stands for a large string in the canonical form: a tagged digest of it. */
function digestOfLargeString({ value }: LargeString, digest: BudgetedDigest): MaybePromise<string> {
  // UTF-8 cannot tell lone surrogates apart (each becomes U+FFFD), so such a string is hashed
  // in its escaped JSON form, under another tag.
  const wellFormed = (value as { isWellFormed?: () => boolean }).isWellFormed?.() === true;
  const tag = wellFormed ? '$sha256' : '$sha256-json';
  const hex = digest(wellFormed ? value : JSON.stringify(value));
  return typeof hex === 'string' ? tagged(tag, hex) : hex.then((resolved) => tagged(tag, resolved));
}

function tagged(tag: string, hex: string): string {
  return `{"${tag}":"${hex}"}`;
}
