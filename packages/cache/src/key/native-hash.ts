/** What the key derivation uses of the host's `node:crypto` (Node, Bun and Deno have it). */
interface NodeCrypto {
  createHash(algorithm: 'sha256'): NodeHash;
  createHmac(algorithm: 'sha256', key: Uint8Array): NodeHash;
}

interface NodeHash {
  update(data: string | Uint8Array, encoding?: 'utf8'): NodeHash;
  digest(encoding: 'hex'): string;
}

/**
 * The host's native, synchronous SHA-256 when the runtime offers `node:crypto` through
 * `process.getBuiltinModule` (Node >= 22.3, Bun, Deno), without a static `node:` import, so
 * the package still loads in browsers and edge runtimes, which use `@noble/hashes` instead.
 * `undefined` where there is none.
 */
export const nativeHash: NodeCrypto | undefined = (() => {
  try {
    const host = globalThis as {
      process?: { getBuiltinModule?: (name: string) => unknown };
    };
    const found = host.process?.getBuiltinModule?.('node:crypto') as NodeCrypto | undefined;
    return typeof found?.createHash === 'function' && typeof found.createHmac === 'function'
      ? found
      : undefined;
  } catch {
    return undefined;
  }
})();
