import { sha256 } from '@noble/hashes/sha2.js';
import type { MaybePromise } from '@resilient-llm/policies';
import { toHex } from '../crypto/hex';
import { nativeHash } from './native-hash';

/**
 * Bytes one key derivation hashes synchronously (the host's `node:crypto`, or `@noble/hashes`)
 * before it hands the rest to Web Crypto. Below it the fixed price of an asynchronous `crypto.subtle.digest` (a round trip
 * to another thread, tens of µs) is the cost; above it the native digest's throughput wins,
 * and the event loop is not held for long.
 */
const synchronousDigestBytes = 16 * 1024;

/**
 * SHA-256 of `bytes` as 64 lowercase hex digits, computed now: natively where the runtime
 * has `node:crypto`, with `@noble/hashes` elsewhere.
 */
export function sha256HexNow(bytes: Uint8Array): string {
  return nativeHash
    ? nativeHash.createHash('sha256').update(bytes).digest('hex')
    : toHex(sha256(bytes));
}

/** SHA-256 of `bytes` as 64 lowercase hex digits, through Web Crypto's native digest. */
export async function sha256HexNative(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  return toHex(await crypto.subtle.digest('SHA-256', bytes));
}

/** Gives the SHA-256 hex of the UTF-8 bytes of a text, now while a budget lasts, later through Web Crypto. */
export type BudgetedDigest = (text: string) => MaybePromise<string>;

const encoder = new TextEncoder();
// Text hashed synchronously is encoded here (a new buffer per digest costs more than the
// encoding): it is read to the end before the digest returns, so one buffer serves them all.
const scratch = new Uint8Array(synchronousDigestBytes);

/**
 * A digest of the UTF-8 bytes of texts that hashes synchronously until `budgetBytes` in all
 * are spent, then through Web Crypto: one derivation of many long strings never holds the
 * event loop for more than the budget. Either way the digest is the same SHA-256.
 */
export function budgetedDigest(budgetBytes = synchronousDigestBytes): BudgetedDigest {
  let left = Math.min(budgetBytes, scratch.length);
  return (text) => {
    // A text has at least as many UTF-8 bytes as UTF-16 code units.
    if (text.length <= left) {
      const { read, written } = encoder.encodeInto(text, scratch.subarray(0, left));
      if (read === text.length) {
        left -= written;
        return sha256HexNow(scratch.subarray(0, written));
      }
    }
    return sha256HexNative(encoder.encode(text));
  };
}
