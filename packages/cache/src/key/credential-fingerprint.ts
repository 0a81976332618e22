import { toHex } from '../crypto/hex';
import { canonicalJson } from './canonical-json';

const encoder = new TextEncoder();

/**
 * HMAC-SHA-256 (Web Crypto) under `key` of the canonical JSON of `credentials`, as 64 hex
 * digits: equal credentials give equal fingerprints, and without the key nobody can tell
 * which credentials a fingerprint stands for, nor test a guess.
 */
export async function credentialFingerprint(
  credentials: Readonly<Record<string, string | undefined>>,
  key: CryptoKey,
): Promise<string> {
  const text = canonicalJson(credentials);
  return toHex(await crypto.subtle.sign('HMAC', key, encoder.encode(text)));
}
