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
});
