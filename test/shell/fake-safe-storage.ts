/** A safeStorage stand-in: reversible "encryption" (XOR + marker) so tests can tell ciphertext from text. */
import type { KeyValueStore, SafeStorageLike } from '../../src-main/shell/keychain.js';

export class FakeSafeStorage implements SafeStorageLike {
  available = true;
  backend = 'gnome_libsecret';
  reEncryptNext = false;
  encryptions = 0;
  async isAsyncEncryptionAvailable(): Promise<boolean> {
    return this.available;
  }
  async encryptStringAsync(plainText: string): Promise<Buffer> {
    this.encryptions += 1;
    return Buffer.concat([Buffer.from('ENC1'), Buffer.from(plainText, 'utf8').map((b) => b ^ 0x5a)]);
  }
  async decryptStringAsync(encrypted: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }> {
    if (encrypted.subarray(0, 4).toString() !== 'ENC1') throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    const shouldReEncrypt = this.reEncryptNext;
    this.reEncryptNext = false;
    return { result: Buffer.from(encrypted.subarray(4).map((b) => b ^ 0x5a)).toString('utf8'), shouldReEncrypt };
  }
  getSelectedStorageBackend(): string {
    return this.backend;
  }
}

export class MemoryKeyValue implements KeyValueStore {
  readonly data = new Map<string, unknown>();
  get(key: string): unknown {
    return this.data.get(key);
  }
  set(key: string, value: unknown): void {
    this.data.set(key, value);
  }
  delete(key: string): void {
    this.data.delete(key);
  }
}
