import { bytesToHex } from '@noble/hashes/utils.js';

/** Bytes as lowercase hex digits. */
export function toHex(bytes: ArrayBuffer | Uint8Array): string {
  return bytesToHex(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes));
}
