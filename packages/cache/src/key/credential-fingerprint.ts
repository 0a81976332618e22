import { LRUCache } from 'lru-cache';
import { toHex } from '../crypto/hex';
import { canonicalJson } from './canonical-json';

const encoder = new TextEncoder();

/** Credentials whose fingerprints a fingerprinter remembers (least recently used out first). */
const rememberedCredentials = 1_024;

/** Gives the fingerprint of credentials; see {@link createCredentialFingerprinter}. */
export type CredentialFingerprinter = (
  credentials: Readonly<Record<string, string | undefined>>,
) => string | Promise<string>;

/**
 * Fingerprints credentials: HMAC-SHA-256 (Web Crypto) under `key` of their canonical JSON, as
 * 64 hex digits. Equal credentials give equal fingerprints, and without the key nobody can
 * tell which credentials a fingerprint stands for, nor test a guess. The fingerprints of the
 * last 1 024 credentials are remembered in this process (a hit then costs no HMAC).
 */
export function createCredentialFingerprinter(key: Promise<CryptoKey>): CredentialFingerprinter {
  const known = new LRUCache<string, string>({ max: rememberedCredentials });
  return (credentials) => {
    const text = canonicalJson(credentials);
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
