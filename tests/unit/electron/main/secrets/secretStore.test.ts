import { describe, expect, it } from 'vitest';
import {
  createSecretStore,
  type SafeStorageLike,
  type SecretFile,
} from '../../../../../electron/main/secrets/secretStore';

function memoryFile(initial: string | null = null): SecretFile & { text: string | null } {
  const file = {
    text: initial,
    read: () => file.text,
    write: (text: string) => {
      file.text = text;
    },
  };
  return file;
}

// A stand-in for the OS keychain: reversible but visibly not plain text.
const keychain: SafeStorageLike = {
  isEncryptionAvailable: () => true,
  encryptString: (plain) => Buffer.from([...Buffer.from(plain)].map((b) => b ^ 0x5a)),
  decryptString: (data) => Buffer.from([...data].map((b) => b ^ 0x5a)).toString(),
};

describe('invite tokens kept with the OS secure storage', () => {
  it('a saved token reads back, and is never written to disk in plain text', () => {
    const file = memoryFile();
    const store = createSecretStore(keychain, file);
    expect(store.set('sync:acme', 'token-abc.def')).toEqual({ ok: true, value: null });
    expect(file.text).not.toContain('token-abc');
    expect(store.get('sync:acme')).toEqual({ ok: true, value: 'token-abc.def' });
    expect(store.get('sync:other')).toEqual({ ok: true, value: null });
  });

  it('leaving a server deletes its token', () => {
    const store = createSecretStore(keychain, memoryFile());
    store.set('sync:acme', 't');
    store.set('sync:acme', null);
    expect(store.get('sync:acme')).toEqual({ ok: true, value: null });
  });

  it('refuses to store a token when the OS offers no encryption, instead of keeping it in plain text', () => {
    const file = memoryFile();
    const store = createSecretStore({ ...keychain, isEncryptionAvailable: () => false }, file);
    const result = store.set('sync:acme', 'secret');
    expect(result.ok).toBe(false);
    expect(file.text).toBeNull();
  });

  it('refuses hostile names and values from the renderer', () => {
    const store = createSecretStore(keychain, memoryFile());
    for (const key of ['', '../x', 'a/b', 'a'.repeat(121), 42, null, '__proto__ x']) {
      expect(store.get(key).ok).toBe(false);
    }
    expect(store.set('ok', 'x'.repeat(5000)).ok).toBe(false);
    expect(store.set('ok', { toString: () => 'x' }).ok).toBe(false);
  });

  it('a "__proto__" entry in the file cannot pollute lookups', () => {
    const store = createSecretStore(keychain, memoryFile('{"__proto__":"eA=="}'));
    // Inherited members of Object.prototype are not secrets.
    expect(store.get('constructor')).toEqual({ ok: true, value: null });
    expect(store.get('toString')).toEqual({ ok: true, value: null });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('an unreadable secrets file is reported, and replaced only when a new token is saved', () => {
    const file = memoryFile('not json');
    const store = createSecretStore(keychain, file);
    expect(store.get('sync:acme')).toMatchObject({ ok: false, error: { code: 'corrupt' } });
    expect(store.set('sync:acme', 'fresh').ok).toBe(true);
    expect(store.get('sync:acme')).toEqual({ ok: true, value: 'fresh' });
  });
});
