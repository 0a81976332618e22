import { InvalidOptionError } from '@resilient-llm/policies';
import { createValueCipher, type EncryptionKey, type ValueCipher } from '../crypto/value-cipher';

const rawKeyLengths = [16, 24, 32];

/** Checks `encryptionKey` and builds the cipher of values at rest; undefined without a key. */
export function prepareCipher(encryptionKey: EncryptionKey | undefined): ValueCipher | undefined {
  if (encryptionKey === undefined) return undefined;
  const fail = (value: string, reason: string) => {
    // A key never goes into an error message: only what is wrong with it.
    throw new InvalidOptionError({ field: 'encryptionKey', value, reason });
  };
  if (encryptionKey instanceof Uint8Array) {
    if (!rawKeyLengths.includes(encryptionKey.length))
      fail(`${encryptionKey.length} bytes`, 'must be 16, 24 or 32 bytes (AES-128, -192, -256)');
  } else if (typeof CryptoKey === 'undefined' || !(encryptionKey instanceof CryptoKey)) {
    fail(typeof encryptionKey, 'must be an AES-GCM CryptoKey or 16, 24 or 32 raw bytes');
  } else {
    const { algorithm, usages } = encryptionKey;
    if (algorithm.name !== 'AES-GCM' || !usages.includes('encrypt') || !usages.includes('decrypt'))
      fail(`a ${algorithm.name} key`, 'must be an AES-GCM key for encrypt and decrypt');
  }
  return createValueCipher(encryptionKey);
}
