import type { CacheScope } from '@resilient-llm/core/binding';
import { LRUCache } from 'lru-cache';
import { toHex } from '../crypto/hex';
import { canonicalJson } from './canonical-json';
import { identityOf } from './object-identity';

const encoder = new TextEncoder();

/** Credentials whose fingerprints a fingerprinter remembers (least recently used out first). */
const rememberedCredentials = 1_024;

/** Gives the fingerprint of credentials; see {@link createCredentialFingerprinter}. */
export type CredentialFingerprinter = (
  credentials: CacheScope['credentials'],
) => string | Promise<string>;

/**
 * Fingerprints credentials: HMAC-SHA-256 (Web Crypto) under `key` of their canonical JSON, as
 * 64 hex digits, where an object stands as its identity in this process. Equal credentials give equal fingerprints, and without the key nobody can
 * tell which credentials a fingerprint stands for, nor test a guess. The fingerprints of the
 * last 1 024 credentials are remembered in this process (a hit then costs no HMAC).
 */
export function createCredentialFingerprinter(key: Promise<CryptoKey>): CredentialFingerprinter {
  const known = new LRUCache<string, string>({ max: rememberedCredentials });
  return (credentials) => {
    const text = canonicalJson(withIdentities(credentials));
    return (
      known.get(text) ??
      key
        .then((cryptoKey) => crypto.subtle.sign('HMAC', cryptoKey, encoder.encode(text)))
        .then((signature) => {
          const fingerprint = toHex(signature);
          known.set(text, fingerprint);
          return fingerprint;
        })
    );
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
