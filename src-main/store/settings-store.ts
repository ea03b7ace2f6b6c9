/** Non-secret settings, one JSON value per key in the settings table, read through zod with defaults. */
import { SettingsSchema, type Settings } from '../ipc/contract/settings.js';
import type { Db } from './database.js';

export const DEFAULT_SETTINGS: Settings = {
  uiLanguage: 'es',
  uiLanguageChosen: false,
  theme: 'dark',
  defaultPreset: '9:16',
  defaultFps: 30,
  defaultWordsPerMinute: 170,
  defaultLanguage: 'es',
  defaultImageModel: 'flux-kontext-pro',
  creditCap: 200,
  exportDir: null,
  defaultCaptionStyle: null,
  scriptWriter: {
    provider: 'auto',
    baseUrl: 'https://api.openai.com',
    model: 'gpt-4o-mini',
    ollamaUrl: 'http://127.0.0.1:11434',
    ollamaModel: '',
    jsonMode: 'schema',
    inputPricePerMillion: 0.15,
    outputPricePerMillion: 0.6,
    costCapUsd: 0.5,
  },
  videoEncoder: 'auto',
};

export class SettingsStore {
  constructor(private readonly db: Db) {}

  get(): Settings {
    const rows = this.db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[];
    const stored: Record<string, unknown> = {};
    for (const row of rows) stored[row.key] = JSON.parse(row.value);
    // Unknown or invalid stored values fall back to defaults one key at a time, so one bad row loses nothing else.
    const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
    for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
      if (!(key in stored)) continue;
      const field = SettingsSchema.shape[key].safeParse(stored[key]);
      if (field.success) merged[key] = field.data;
    }
    return SettingsSchema.parse(merged);
  }

  set(patch: Partial<Settings>): Settings {
    const next = SettingsSchema.parse({ ...this.get(), ...patch });
    const upsert = this.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
    this.db.transaction(() => {
      for (const key of Object.keys(patch) as (keyof Settings)[]) upsert.run(key, JSON.stringify(next[key]));
    })();
    return next;
  }
}
