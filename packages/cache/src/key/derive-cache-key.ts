import { canonicalJson } from './canonical-json';
import { sha256Hex } from './sha256-hex';

/** What identifies one cached answer. */
export interface CacheKeyInput {
  /** The tenant (or API key, or any partition) the entry belongs to. */
  readonly namespace: string;
  /** The identity of the target (or chain) that answers, e.g. `openai:gpt-4.1-mini`. */
  readonly targetId: string;
  /** `generate` and `stream` answers are kept apart: their entries differ in shape. */
  readonly mode: 'generate' | 'stream';
  /** The output-affecting fields of the request (model, messages, tools, sampling, format). */
  readonly material: unknown;
}

/** Version of the key layout: bump it to orphan every existing entry. */
const keyVersion = 1;

/**
 * The store key of one request: SHA-256 (Web Crypto) of the canonical JSON of namespace,
 * target identity, mode and key material, as 64 hex digits. Prompts never appear in keys;
 * key order, `undefined` fields, signals and headers never change them. Throws
 * `UncacheableValueError` when the material has no canonical form.
 */
export function deriveCacheKey({
  namespace,
  targetId,
  mode,
  material,
}: CacheKeyInput): Promise<string> {
  return sha256Hex(canonicalJson({ v: keyVersion, namespace, targetId, mode, material }));
}
