/**
 * The desktop SecretStore: each key is encrypted with Electron's safeStorage (async API: macOS
 * Keychain, Windows DPAPI, libsecret/kwallet on Linux) and only the ciphertext is written, base64, into
 * electron-store. On Linux without a keyring, safeStorage falls back to `basic_text` (a hard-coded
 * password): keys still work, but status() says `protected: false` and Settings warns.
 * Values leave this class only through get(), which the core uses for provider headers.
 */
import { appError } from '../errors.js';
import type { SecretName, SecretsStatus, SecretStore } from '../secrets/secret-store.js';

/** The part of Electron's safeStorage used here (a stand-in in tests). */
export interface SafeStorageLike {
  isAsyncEncryptionAvailable(): Promise<boolean>;
  encryptStringAsync(plainText: string): Promise<Buffer>;
  decryptStringAsync(encrypted: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }>;
  getSelectedStorageBackend?(): string;
}

/** The part of electron-store used here. */
export interface KeyValueStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  delete(key: string): void;
}

const NAMES: SecretName[] = ['kie', 'elevenlabs', 'llm'];
const keyOf = (name: SecretName) => `secrets.${name}`;

export class SafeStorageSecretStore implements SecretStore {
  /** Values seen (read or written), for redacting them from the log file. */
  private readonly known = new Set<string>();

  constructor(
    private readonly safeStorage: SafeStorageLike,
    private readonly store: KeyValueStore,
    private readonly platform: NodeJS.Platform = process.platform,
  ) {}

  async get(name: SecretName): Promise<string | null> {
    const stored = this.store.get(keyOf(name));
    if (typeof stored !== 'string' || !stored) return null;
    try {
      const { result, shouldReEncrypt } = await this.safeStorage.decryptStringAsync(Buffer.from(stored, 'base64'));
      this.known.add(result);
      if (shouldReEncrypt) await this.set(name, result);
      return result;
    } catch {
      throw appError('auth_error', 'keys.cannotDecrypt', { name });
    }
  }

  async set(name: SecretName, value: string): Promise<void> {
    if (!(await this.safeStorage.isAsyncEncryptionAvailable())) {
      throw appError('unsupported', 'keys.noKeychain');
    }
    const encrypted = await this.safeStorage.encryptStringAsync(value);
    this.known.add(value);
    this.store.set(keyOf(name), encrypted.toString('base64'));
  }

  async delete(name: SecretName): Promise<void> {
    this.store.delete(keyOf(name));
  }

  /** Which keys are set and how they are protected; never a value. */
  async status(): Promise<SecretsStatus> {
    const backend = this.backend();
    const available = await this.safeStorage.isAsyncEncryptionAvailable().catch(() => false);
    const set = (name: SecretName) => typeof this.store.get(keyOf(name)) === 'string';
    return {
      kie: set('kie'),
      elevenlabs: set('elevenlabs'),
      llm: set('llm'),
      backend,
      protected: available && backend !== 'basic_text' && backend !== 'unknown',
    };
  }

  /** The values to scrub from logs. */
  knownValues(): string[] {
    return [...this.known];
  }

  /** Decrypt every stored key once at start so the log redactor knows them before anything logs. */
  async warmUp(): Promise<void> {
    for (const name of NAMES) await this.get(name).catch(() => null);
  }

  private backend(): string {
    if (this.platform === 'linux') return this.safeStorage.getSelectedStorageBackend?.() ?? 'unknown';
    return this.platform === 'darwin' ? 'macos_keychain' : this.platform === 'win32' ? 'windows_dpapi' : 'unknown';
  }
}
