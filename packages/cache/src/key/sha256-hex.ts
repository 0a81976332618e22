import { budgetedDigest } from './sha256-digest';

/**
 * SHA-256 of the UTF-8 bytes of `text`, as 64 lowercase hex digits: computed synchronously
 * (`@noble/hashes`) for short text, through Web Crypto's native digest for long text.
 */
export async function sha256Hex(text: string): Promise<string> {
  return budgetedDigest()(text);
}
