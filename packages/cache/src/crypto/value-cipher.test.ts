import { describe, expect, it } from 'vitest';
import { createValueCipher } from './value-cipher';

const text = '{"v":1,"kind":"generate","response":"the answer"}';

describe('createValueCipher (AES-GCM)', () => {
  it('opens what it sealed; every seal has its own IV', async () => {
    const cipher = createValueCipher(crypto.getRandomValues(new Uint8Array(32)));
    const once = await cipher.seal('key-1', text);
    const twice = await cipher.seal('key-1', text);

    expect(once).not.toContain('answer');
    expect(once).not.toBe(twice);
    expect(await cipher.open('key-1', once)).toBe(text);
    expect(await cipher.open('key-1', twice)).toBe(text);
  });

  it('takes an AES-GCM CryptoKey as well as raw bytes', async () => {
    const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 128 }, false, [
      'encrypt',
      'decrypt',
    ]);
    const cipher = createValueCipher(key);
    expect(await cipher.open('k', await cipher.seal('k', text))).toBe(text);
  });

  it('refuses another key, a changed value, a value moved to another entry, and plain text', async () => {
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    const cipher = createValueCipher(bytes);
    const sealed = await cipher.seal('key-1', text);
    const at = sealed.length - 5;
    const changed = `${sealed.slice(0, at)}${sealed[at] === 'A' ? 'B' : 'A'}${sealed.slice(at + 1)}`;

    const other = createValueCipher(crypto.getRandomValues(new Uint8Array(16)));
    const attempts = [
      () => other.open('key-1', sealed),
      () => cipher.open('key-1', changed),
      () => cipher.open('key-2', sealed),
      () => cipher.open('key-1', text),
      () => cipher.open('key-1', 'aes-gcm.1:***'),
    ];
    for (const attempt of attempts)
      await expect(attempt()).rejects.toMatchObject({ name: 'CorruptCacheEntryError' });
  });
});
