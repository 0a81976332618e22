import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createCredentialFingerprinter } from './credential-fingerprint';
import { fingerprintKey } from './fingerprint-secret';
import { sha256Hex } from './sha256-hex';

const credentials = { apiKey: 'sk-tenant-a-0123456789', 'header:authorization': undefined };

/** The fingerprint of `credentials` under `secret` (undefined: the process's own). */
function fingerprint(
  of: Record<string, string | object | undefined>,
  secret?: string | Uint8Array,
): Promise<string> {
  return Promise.resolve(createCredentialFingerprinter(fingerprintKey(secret))(of));
}

describe('createCredentialFingerprinter', () => {
  it('is a keyed hash: stable under one secret, different under another, never a plain digest', async () => {
    const secret = 'a fingerprint secret of the fleet';
    const once = await fingerprint(credentials, secret);
    const again = await fingerprint(
      { apiKey: credentials.apiKey },
      new TextEncoder().encode(secret),
    );
    const otherSecret = await fingerprint(credentials, 'another secret of 16+ bytes');

    expect(once).toMatch(/^[0-9a-f]{64}$/);
    expect(again).toBe(once);
    expect(otherSecret).not.toBe(once);
    expect(once).not.toContain('sk-tenant');
    // Nobody who lacks the secret can test a guessed key against it.
    expect(once).not.toBe(await sha256Hex(JSON.stringify({ apiKey: credentials.apiKey })));
    expect(once).not.toBe(await sha256Hex(credentials.apiKey));
  });

  it('tells credentials apart; without a secret, one random secret serves the whole process', async () => {
    expect(await fingerprintKey(undefined)).toBe(await fingerprintKey(undefined));
    const a = await fingerprint({ apiKey: 'sk-a' });
    const b = await fingerprint({ apiKey: 'sk-b' });
    expect(a).not.toBe(b);
    expect(await fingerprint({ apiKey: 'sk-a' })).toBe(a);
  });

  it('keys an object that stands for credentials by its identity', async () => {
    const client = {};
    const ofClient = await fingerprint({ client });
    expect(await fingerprint({ client })).toBe(ofClient);
    expect(await fingerprint({ client: {} })).not.toBe(ofClient);
    expect(await fingerprint({ client: () => {} })).not.toBe(ofClient);
  });

  it('remembers what it computed: the same credentials again cost no HMAC', async () => {
    const fingerprintOf = createCredentialFingerprinter(fingerprintKey('a secret of 16+ bytes'));
    const first = await fingerprintOf({ apiKey: 'sk-a' });
    expect(fingerprintOf({ apiKey: 'sk-a' })).toBe(first);
  });

  it('is the HMAC-SHA-256 it was through Web Crypto, so a fleet keeps its keys across upgrades', () => {
    const secret = 'a fingerprint secret of the fleet';
    const fingerprintOf = createCredentialFingerprinter(fingerprintKey(secret));
    const fingerprint = fingerprintOf(credentials);
    // As derived through Web Crypto before HMAC moved to @noble/hashes.
    expect(fingerprint).toBe('2b3613f68143c648ace445a3710bf501ebda6bd13a36f8d18f4785eeab3c8b4a');
    // Node's own HMAC over the canonical JSON of the credentials agrees.
    const canonical = JSON.stringify({ apiKey: credentials.apiKey });
    expect(fingerprint).toBe(createHmac('sha256', secret).update(canonical).digest('hex'));
  });

  it('answers synchronously, and a secret changed by its owner afterwards changes nothing', () => {
    const secret = new TextEncoder().encode('a secret of 16+ bytes');
    const fingerprintOf = createCredentialFingerprinter(fingerprintKey(secret));
    const before = fingerprintOf({ apiKey: 'sk-a' });
    secret.fill(0);
    const after = createCredentialFingerprinter(fingerprintKey('a secret of 16+ bytes'));
    expect(typeof before).toBe('string');
    expect(after({ apiKey: 'sk-a' })).toBe(before);
    expect(fingerprintOf({ apiKey: 'sk-b' })).toBe(after({ apiKey: 'sk-b' }));
  });
});
