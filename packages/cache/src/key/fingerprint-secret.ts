/** The secret of the HMAC that fingerprints credentials: text (its UTF-8 bytes) or bytes. */
export type FingerprintSecret = string | Uint8Array;

/** Fewest bytes a fingerprint secret must have. */
export const minimumFingerprintSecretBytes = 16;

// One random secret per process (per copy of this module), made on first use: stages of one
// process share entries of one credential, and no two processes do unless given one secret.
let processSecret: Promise<CryptoKey> | undefined;

/**
 * The HMAC-SHA-256 key that fingerprints credentials: `secret` when given, else a random key
 * of this process, never extractable.
 */
export function fingerprintKey(secret: FingerprintSecret | undefined): Promise<CryptoKey> {
  const algorithm: HmacKeyGenParams & HmacImportParams = { name: 'HMAC', hash: 'SHA-256' };
  if (secret !== undefined) {
    const bytes = typeof secret === 'string' ? new TextEncoder().encode(secret) : secret;
    return crypto.subtle.importKey('raw', new Uint8Array(bytes), algorithm, false, ['sign']);
  }
  processSecret ??= crypto.subtle.generateKey(algorithm, false, ['sign']);
  return processSecret;
}
