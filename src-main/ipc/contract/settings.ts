import { z } from 'zod';
import { AspectPresetSchema, LanguageSchema } from '../../project/document.js';
import { call, Empty, Ok } from './define.js';

/** Non-secret settings. Secrets (API keys) never travel in these. */
export const SettingsSchema = z.object({
  uiLanguage: LanguageSchema,
  theme: z.enum(['dark', 'light', 'system']),
  defaultPreset: AspectPresetSchema,
  defaultFps: z.union([z.literal(24), z.literal(25), z.literal(30), z.literal(60)]),
  defaultWordsPerMinute: z.number().int().min(120).max(240),
  defaultLanguage: LanguageSchema,
  defaultImageModel: z.string(),
  /** Refuse an image batch whose estimated cost is above this many KIE credits. */
  creditCap: z.number().nonnegative(),
  /** Where exports go when no destination is picked; null = the project's renders/ folder. */
  exportDir: z.string().nullable(),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const SecretNameSchema = z.enum(['kie', 'elevenlabs']);
export type SecretName = z.infer<typeof SecretNameSchema>;

export const SecretsStatusSchema = z.object({
  kie: z.boolean(),
  elevenlabs: z.boolean(),
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
    z.object({ ok: z.boolean(), message: z.string() }),
    'Try the stored key against the provider.',
  ),
} as const;

export const settingsEvents = {
  'settings.changed': SettingsSchema,
} as const;

export { Ok };
