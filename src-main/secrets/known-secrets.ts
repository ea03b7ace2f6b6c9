/**
 * Redaction at the edges. Every secret value the app has seen (from the secret store, the
 * environment) is remembered here for the life of the process, and every string that leaves the core
 * (IPC answers, events, job rows, log lines, project files, CLI output) goes through `scrub`, wherever
 * the string came from: a provider that echoes the key in an error or a task message included.
 */
import { redact } from '../providers/http/classify.js';
import { SECRET_ENV, type SecretStore } from './secret-store.js';

const known = new Set<string>();

/** Keys shorter than this are not treated as secrets (they would erase ordinary words). */
const MIN_SECRET_LENGTH = 8;

export function rememberSecret(value: string | null | undefined): void {
  if (typeof value === 'string' && value.length >= MIN_SECRET_LENGTH) known.add(value);
}

export function knownSecrets(): string[] {
  return [...known];
}

/** The text with every known secret (and any Bearer token) replaced by [redacted]. */
export function scrub(text: string): string {
  return redact(text, knownSecrets());
}

/** A JSON-able value with every known secret removed from its strings (the value itself if clean). */
export function scrubValue<T>(value: T): T {
  if (value === undefined || value === null || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'string') return scrub(value) as T;
  const text = JSON.stringify(value);
  if (text === undefined) return value;
  const clean = scrub(text);
  return clean === text ? value : (JSON.parse(clean) as T);
}

/** Remembers the keys in the environment now, and every value the store hands out or takes later. */
export function rememberingStore(store: SecretStore, env: NodeJS.ProcessEnv = process.env): SecretStore {
  for (const name of Object.values(SECRET_ENV)) rememberSecret(env[name]);
  return {
    async get(name) {
      const value = await store.get(name);
      rememberSecret(value);
      return value;
    },
    async set(name, value) {
      rememberSecret(value);
      await store.set(name, value);
    },
    delete: (name) => store.delete(name),
    status: () => store.status(),
  };
}
