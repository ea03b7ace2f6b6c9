import { z } from 'zod';
import { AspectPresetSchema, CaptionsTrackSchema, LanguageSchema } from '../../project/document.js';
import { call, Empty, Ok } from './define.js';

/** The script writer: which provider, where, which model, and what it may cost (USD per million tokens, cap per script). */
export const ScriptWriterSettingsSchema = z.object({
  /** auto: an OpenAI-compatible endpoint when its key is set, else Ollama when it runs here, else the offline template. */
  provider: z.enum(['auto', 'openai', 'ollama', 'offline']),
  baseUrl: z.string().trim().max(500),
  model: z.string().trim().max(200),
  ollamaUrl: z.string().trim().max(500),
  /** Empty: the first model Ollama lists. */
  ollamaModel: z.string().trim().max(200),
  jsonMode: z.enum(['schema', 'object', 'none']),
  inputPricePerMillion: z.number().min(0).max(1000),
  outputPricePerMillion: z.number().min(0).max(1000),
  /** Refuse a script whose estimated cost is above this many USD. */
  costCapUsd: z.number().min(0).max(100),
});
export type ScriptWriterSettings = z.infer<typeof ScriptWriterSettingsSchema>;

/** Non-secret settings. Secrets (API keys) never travel in these. */
export const SettingsSchema = z.object({
  uiLanguage: LanguageSchema,
  /** The user picked the UI language; until then the page follows the OS/browser language. */
  uiLanguageChosen: z.boolean(),
  theme: z.enum(['dark', 'light', 'system']),
  defaultPreset: AspectPresetSchema,
  defaultFps: z.union([z.literal(24), z.literal(25), z.literal(30), z.literal(60)]),
  defaultWordsPerMinute: z.number().int().min(120).max(240),
  defaultLanguage: LanguageSchema,
  defaultImageModel: z.string().max(100),
  /** Refuse an image batch whose estimated cost is above this many KIE credits. */
  creditCap: z.number().nonnegative(),
  /** Where exports go when no destination is picked; null = the project's renders/ folder. */
  exportDir: z.string().max(4096).nullable(),
  /** The caption style new projects start with (chosen in the caption style gallery); null = karaoke. */
  defaultCaptionStyle: CaptionsTrackSchema.pick({ style: true, highlightWords: true, preset: true, animation: true, wordsPerCue: true, linesPerCue: true, uppercase: true, activeScale: true, emphasisColor: true }).nullable(),
  /** Who writes scripts from an idea (see src-main/script-writer/). */
  scriptWriter: ScriptWriterSettingsSchema,
  /** The export's H.264 encoder: a working hardware one when there is one (auto), or always libx264. */
  videoEncoder: z.enum(['auto', 'software']),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const SecretNameSchema = z.enum(['kie', 'elevenlabs', 'llm']);
export type SecretName = z.infer<typeof SecretNameSchema>;

export const SecretsStatusSchema = z.object({
  kie: z.boolean(),
  elevenlabs: z.boolean(),
  /** The script writer's key (an OpenAI-compatible endpoint). */
  llm: z.boolean(),
  /** Where keys live: the OS keychain, or a 0600 file (CLI / bridge), or plain text with a warning. */
  backend: z.string(),
  protected: z.boolean(),
});

export const settingsCalls = {
  'settings.get': call(Empty, SettingsSchema, 'All non-secret settings.'),
  'settings.set': call(SettingsSchema.partial().strict(), SettingsSchema, 'Change some settings; returns them all.'),
  'secrets.status': call(Empty, SecretsStatusSchema, 'Which keys are set. Never returns a value.'),
  'secrets.set': call(
    z.object({ name: SecretNameSchema, value: z.string().trim().min(8, 'the key looks too short').max(512) }).strict(),
    SecretsStatusSchema,
    'Store a key in the secret store.',
  ),
  'secrets.delete': call(z.object({ name: SecretNameSchema }).strict(), SecretsStatusSchema, 'Forget a key.'),
  'secrets.test': call(
    z.object({ name: SecretNameSchema }).strict(),
    // `key` and `values`: the answer as a message key, worded by the page in its language.
    z.object({ ok: z.boolean(), message: z.string(), key: z.string().optional(), values: z.record(z.string(), z.union([z.string(), z.number()])).optional() }),
    'Try the stored key against the provider.',
  ),
} as const;

export const settingsEvents = {
  'settings.changed': SettingsSchema,
} as const;

export { Ok };
