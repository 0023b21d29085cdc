/**
 * Secrets (sync server invite tokens) encrypted with Electron's `safeStorage` — the OS keychain, DPAPI or
 * libsecret — and kept in one JSON file of base64 ciphertexts in the user data folder (mode 0600). Where
 * the OS offers no encryption the store refuses to write rather than keep a token in plain text.
 */
import { MAX_SECRET_LENGTH, SECRET_KEY_PATTERN } from '@shared/ipc/contract';
import { fail, ok, type Result } from '@shared/result';

/** The part of Electron's safeStorage we use. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

/** Where the encrypted entries live; `write` must be atomic and create the file with mode 0600. */
export interface SecretFile {
  read(): string | null;
  write(text: string): void;
}

/** Get/set of secrets by key. */
export interface SecretStore {
  get(key: unknown): Result<string | null>;
  set(key: unknown, value: unknown): Result<null>;
}

function readEntries(file: SecretFile): Record<string, string> {
  const text = file.read();
  if (text === null) return {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
      return Object.fromEntries(Object.entries(parsed).filter(([, v]) => typeof v === 'string')) as Record<
        string,
        string
      >;
    }
  } catch {
    // fall through: an unreadable file is reported, not silently replaced
  }
  throw new Error('[secrets] the secrets file is unreadable');
}

/** Creates the store. */
export function createSecretStore(safeStorage: SafeStorageLike, file: SecretFile): SecretStore {
  return {
    get(key) {
      if (typeof key !== 'string' || !SECRET_KEY_PATTERN.test(key))
        return fail('invalid-input', 'Invalid secret name.');
      let entries: Record<string, string>;
      try {
        entries = readEntries(file);
      } catch (error) {
        return fail(
          'corrupt',
          `Saved sign-in tokens cannot be read (${(error as Error).message}). Join the server again.`,
        );
      }
      const stored = Object.hasOwn(entries, key) ? entries[key] : undefined;
      if (stored === undefined) return ok(null);
      if (!safeStorage.isEncryptionAvailable()) return fail('denied', 'This system’s secure storage is not available.');
      try {
        return ok(safeStorage.decryptString(Buffer.from(stored, 'base64')));
      } catch {
        return fail('corrupt', 'A saved sign-in token cannot be decrypted on this system. Join the server again.');
      }
    },
    set(key, value) {
      if (typeof key !== 'string' || !SECRET_KEY_PATTERN.test(key))
        return fail('invalid-input', 'Invalid secret name.');
      if (value !== null && (typeof value !== 'string' || value.length > MAX_SECRET_LENGTH)) {
        return fail('invalid-input', 'That token is not valid.');
      }
      let entries: Record<string, string>;
      try {
        entries = readEntries(file);
      } catch {
        entries = {}; // an unreadable file only held tokens; replacing it loses nothing the user cannot re-enter
      }
      if (value === null) delete entries[key];
      else {
        if (!safeStorage.isEncryptionAvailable()) {
          return fail('denied', 'This system has no secure storage for the token, so it was not saved.');
        }
        entries[key] = safeStorage.encryptString(value).toString('base64');
      }
      try {
        file.write(JSON.stringify(entries));
        return ok(null);
      } catch (error) {
        return fail('io', `The token could not be saved: ${(error as Error).message}`);
      }
    },
  };
}
