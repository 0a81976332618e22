import { fromBase64, toBase64 } from '../entry/base64';
import { CorruptCacheEntryError } from '../errors/corrupt-cache-entry-error';

/** A key for values at rest: an AES-GCM `CryptoKey`, or 16, 24 or 32 raw bytes (AES-128/192/256). */
export type EncryptionKey = CryptoKey | Uint8Array;

/** Encrypts store values and decrypts them back. */
export interface ValueCipher {
  /** `text` encrypted for the store key `key`. */
  seal(key: string, text: string): Promise<string>;
  /** The text of a value sealed for `key`; rejects with `CorruptCacheEntryError` otherwise. */
  open(key: string, stored: string): Promise<string>;
}

/** Marks an encrypted value and the layout behind it: base64 of the 12-byte IV, then the ciphertext with its tag. */
const sealedPrefix = 'aes-gcm.1:';
const ivBytes = 12;
const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * AES-GCM (Web Crypto) for values at rest: a random 96-bit IV per value, and the store key as
 * additional authenticated data, so a value that was changed, sealed under another key, or
 * moved to another entry does not open.
 */
export function createValueCipher(encryptionKey: EncryptionKey): ValueCipher {
  const usages: KeyUsage[] = ['encrypt', 'decrypt'];
  const cryptoKey =
    encryptionKey instanceof Uint8Array
      ? crypto.subtle.importKey('raw', new Uint8Array(encryptionKey), 'AES-GCM', false, usages)
      : Promise.resolve(encryptionKey);
  // A key that does not import fails each seal and open, never the process.
  cryptoKey.catch(() => {});
  return {
    async seal(key, text) {
      const iv = crypto.getRandomValues(new Uint8Array(ivBytes));
      const sealed = await crypto.subtle.encrypt(
        { name: 'AES-GCM', iv, additionalData: encoder.encode(key) },
        await cryptoKey,
        encoder.encode(text),
      );
      const bytes = new Uint8Array(ivBytes + sealed.byteLength);
      bytes.set(iv);
      bytes.set(new Uint8Array(sealed), ivBytes);
      return sealedPrefix + toBase64(bytes);
    },
    async open(key, stored) {
      if (!stored.startsWith(sealedPrefix))
        throw new CorruptCacheEntryError({ reason: 'it is not encrypted, and encryption is on' });
      try {
        const bytes = fromBase64(stored.slice(sealedPrefix.length));
        const opened = await crypto.subtle.decrypt(
          { name: 'AES-GCM', iv: bytes.subarray(0, ivBytes), additionalData: encoder.encode(key) },
          await cryptoKey,
          bytes.subarray(ivBytes),
        );
        return decoder.decode(opened);
      } catch (error) {
        throw new CorruptCacheEntryError({
          reason: 'it does not decrypt (another key, or the value was changed)',
          cause: error,
        });
      }
    },
  };
}
