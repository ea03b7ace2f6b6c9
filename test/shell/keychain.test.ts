import { describe, expect, it } from 'vitest';
import { SafeStorageSecretStore } from '../../src-main/shell/keychain.js';
import { FakeSafeStorage, MemoryKeyValue } from './fake-safe-storage.js';

describe('SafeStorageSecretStore', () => {
  it('round-trips a key through safeStorage and keeps only ciphertext', async () => {
    const kv = new MemoryKeyValue();
    const store = new SafeStorageSecretStore(new FakeSafeStorage(), kv, 'linux');
    await store.set('kie', 'a-key-of-some-length');
    expect(String(kv.get('secrets.kie'))).not.toContain('a-key-of-some-length');
    expect(await store.get('kie')).toBe('a-key-of-some-length');
    expect(await store.get('elevenlabs')).toBeNull();
    expect(store.knownValues()).toEqual(['a-key-of-some-length']);
  });

  it('on Linux with the basic_text backend, works but reports the keys as not protected', async () => {
    const safe = new FakeSafeStorage();
    safe.backend = 'basic_text';
    const store = new SafeStorageSecretStore(safe, new MemoryKeyValue(), 'linux');
    await store.set('elevenlabs', 'el-key-123456');
    expect(await store.status()).toEqual({ kie: false, elevenlabs: true, llm: false, backend: 'basic_text', protected: false });
    safe.backend = 'kwallet6';
    expect((await store.status()).protected).toBe(true);
  });

  it('names the macOS and Windows keychains and calls them protected', async () => {
    expect(await new SafeStorageSecretStore(new FakeSafeStorage(), new MemoryKeyValue(), 'darwin').status()).toMatchObject({ backend: 'macos_keychain', protected: true });
    expect(await new SafeStorageSecretStore(new FakeSafeStorage(), new MemoryKeyValue(), 'win32').status()).toMatchObject({ backend: 'windows_dpapi', protected: true });
  });

  it('refuses to save when encryption is unavailable, instead of writing plain text', async () => {
    const safe = new FakeSafeStorage();
    safe.available = false;
    const kv = new MemoryKeyValue();
    const store = new SafeStorageSecretStore(safe, kv, 'linux');
    await expect(store.set('kie', 'a-key-of-some-length')).rejects.toMatchObject({ code: 'unsupported' });
    expect(kv.data.size).toBe(0);
    expect((await store.status()).protected).toBe(false);
  });

  it('re-encrypts when safeStorage asks, and a corrupt entry is a clear error without the value', async () => {
    const safe = new FakeSafeStorage();
    const kv = new MemoryKeyValue();
    const store = new SafeStorageSecretStore(safe, kv, 'linux');
    await store.set('kie', 'rotating-key-value');
    safe.reEncryptNext = true;
    const before = safe.encryptions;
    expect(await store.get('kie')).toBe('rotating-key-value');
    expect(safe.encryptions).toBe(before + 1);
    kv.set('secrets.kie', Buffer.from('garbage').toString('base64'));
    const error = await store.get('kie').catch((e: Error & { code: string }) => e);
    expect(error).toMatchObject({ code: 'auth_error' });
    expect((error as Error).message).toMatch(/enter it again/i);
  });
});
