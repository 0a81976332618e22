/** The secret of the HMAC that fingerprints credentials: text (its UTF-8 bytes) or bytes. */
export type FingerprintSecret = string | Uint8Array;

/** Fewest bytes a fingerprint secret must have. */
export const minimumFingerprintSecretBytes = 16;

/** Bytes of the random secret a process makes for itself: the size of a SHA-256 digest. */
const processSecretBytes = 32;

// One random secret per process (per copy of this module), made on first use: stages of one
// process share entries of one credential, and no two processes do unless given one secret.
let processSecret: Uint8Array | undefined;

/**
 * The HMAC-SHA-256 key that fingerprints credentials: a copy of the bytes of `secret` when
 * given, else a random key of this process. It stays inside this package: never exported,
 * logged nor put in an error.
 */
export function fingerprintKey(secret: FingerprintSecret | undefined): Uint8Array {
  if (secret !== undefined)
    return typeof secret === 'string' ? new TextEncoder().encode(secret) : new Uint8Array(secret);
  processSecret ??= crypto.getRandomValues(new Uint8Array(processSecretBytes));
  return processSecret;
}
