/**
 * API keys. The core only sees this interface: the desktop shell backs it with the OS keychain
 * (Electron safeStorage), the CLI and the bridge with environment variables or a 0600 file. A value
 * leaves this module only towards a provider's HTTP header; IPC answers carry `status()` alone.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { SecretName } from '../ipc/contract/settings.js';
import { writeFileAtomic } from '../platform/atomic-file.js';

export type { SecretName };

export interface SecretsStatus {
  kie: boolean;
  elevenlabs: boolean;
  llm: boolean;
  backend: string;
  protected: boolean;
}

export interface SecretStore {
  get(name: SecretName): Promise<string | null>;
  set(name: SecretName, value: string): Promise<void>;
  delete(name: SecretName): Promise<void>;
  status(): Promise<SecretsStatus>;
}

export const SECRET_ENV: Record<SecretName, string> = {
  kie: 'WHATIF_KIE_API_KEY',
  elevenlabs: 'WHATIF_ELEVENLABS_API_KEY',
  llm: 'WHATIF_LLM_API_KEY',
};

/**
 * For the CLI and the loopback bridge: environment variables first (read only), then a JSON file
 * readable by the user alone (mode 0600, written atomically). Not a keychain, and status says so.
 */
export class FileSecretStore implements SecretStore {
  constructor(
    private readonly file: string,
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {}

  async get(name: SecretName): Promise<string | null> {
    const fromEnv = this.env[SECRET_ENV[name]];
    if (fromEnv) return fromEnv;
    return this.read()[name] ?? null;
  }

  async set(name: SecretName, value: string): Promise<void> {
    this.write({ ...this.read(), [name]: value });
  }

  async delete(name: SecretName): Promise<void> {
    const next = this.read();
    delete next[name];
    this.write(next);
  }

  async status(): Promise<SecretsStatus> {
    return {
      kie: (await this.get('kie')) !== null,
      elevenlabs: (await this.get('elevenlabs')) !== null,
      llm: (await this.get('llm')) !== null,
      backend: 'file (0600) or environment',
      protected: false,
    };
  }

  private read(): Partial<Record<SecretName, string>> {
    try {
      const parsed = JSON.parse(fs.readFileSync(this.file, 'utf8')) as unknown;
      if (parsed && typeof parsed === 'object') return parsed as Partial<Record<SecretName, string>>;
    } catch {
      // Missing or unreadable: no keys. Never echo the file's content into an error.
    }
    return {};
  }

  private write(values: Partial<Record<SecretName, string>>): void {
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    writeFileAtomic(this.file, JSON.stringify(values), { mode: 0o600 });
  }
}

/** In memory, for tests. */
export class MemorySecretStore implements SecretStore {
  private readonly values = new Map<SecretName, string>();
  async get(name: SecretName): Promise<string | null> {
    return this.values.get(name) ?? null;
  }
  async set(name: SecretName, value: string): Promise<void> {
    this.values.set(name, value);
  }
  async delete(name: SecretName): Promise<void> {
    this.values.delete(name);
  }
  async status(): Promise<SecretsStatus> {
    return { kie: this.values.has('kie'), elevenlabs: this.values.has('elevenlabs'), llm: this.values.has('llm'), backend: 'memory', protected: false };
  }
}
