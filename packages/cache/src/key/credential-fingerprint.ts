import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import type { CacheScope } from '@resilient-llm/core/binding';
import { LRUCache } from 'lru-cache';
import { toHex } from '../crypto/hex';
import { canonicalJson } from './canonical-json';
import { identityOf } from './object-identity';

const encoder = new TextEncoder();

/** Credentials whose fingerprints a fingerprinter remembers (least recently used out first). */
const rememberedCredentials = 1_024;

/** Gives the fingerprint of credentials; see {@link createCredentialFingerprinter}. */
export type CredentialFingerprinter = (credentials: CacheScope['credentials']) => string;

/**
 * Fingerprints credentials: HMAC-SHA-256 under `key` of their canonical JSON, as 64 hex
 * digits, computed synchronously (`@noble/hashes`), where an object stands as its identity in
 * this process. Equal credentials give equal fingerprints, and without the key nobody can
 * tell which credentials a fingerprint stands for, nor test a guess. The fingerprints of the
 * last 1 024 credentials are remembered in this process (a hit then costs no HMAC).
 */
export function createCredentialFingerprinter(key: Uint8Array): CredentialFingerprinter {
  const known = new LRUCache<string, string>({ max: rememberedCredentials });
  return (credentials) => {
    const text = canonicalJson(withIdentities(credentials));
    let fingerprint = known.get(text);
    if (fingerprint === undefined) {
      fingerprint = toHex(hmac(sha256, key, encoder.encode(text)));
      known.set(text, fingerprint);
    }
    return fingerprint;
  };
}

function withIdentities(credentials: CacheScope['credentials']): Record<string, unknown> {
  const readable: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(credentials))
    readable[name] =
      (typeof value === 'object' && value !== null) || typeof value === 'function'
        ? { identity: identityOf(value) }
        : value;
  return readable;
}
