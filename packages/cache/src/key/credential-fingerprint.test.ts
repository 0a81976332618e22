import { describe, expect, it } from 'vitest';
import { credentialFingerprint } from './credential-fingerprint';
import { fingerprintKey } from './fingerprint-secret';
import { sha256Hex } from './sha256-hex';

const credentials = { apiKey: 'sk-tenant-a-0123456789', 'header:authorization': undefined };

describe('credentialFingerprint', () => {
  it('is a keyed hash: stable under one secret, different under another, never a plain digest', async () => {
    const secret = 'a fingerprint secret of the fleet';
    const once = await credentialFingerprint(credentials, await fingerprintKey(secret));
    const again = await credentialFingerprint(
      { apiKey: credentials.apiKey },
      await fingerprintKey(new TextEncoder().encode(secret)),
    );
    const otherSecret = await credentialFingerprint(
      credentials,
      await fingerprintKey('another secret of 16+ bytes'),
    );

    expect(once).toMatch(/^[0-9a-f]{64}$/);
    expect(again).toBe(once);
    expect(otherSecret).not.toBe(once);
    expect(once).not.toContain('sk-tenant');
    // Nobody who lacks the secret can test a guessed key against it.
    expect(once).not.toBe(await sha256Hex(JSON.stringify({ apiKey: credentials.apiKey })));
    expect(once).not.toBe(await sha256Hex(credentials.apiKey));
  });

  it('tells credentials apart; without a secret, one random secret serves the whole process', async () => {
    const processKey = await fingerprintKey(undefined);
    expect(await fingerprintKey(undefined)).toBe(processKey);
    const a = await credentialFingerprint({ apiKey: 'sk-a' }, processKey);
    const b = await credentialFingerprint({ apiKey: 'sk-b' }, processKey);
    expect(a).not.toBe(b);
    expect(await credentialFingerprint({ apiKey: 'sk-a' }, processKey)).toBe(a);
  });
});
