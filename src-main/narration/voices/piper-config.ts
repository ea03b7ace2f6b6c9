/** A Piper voice's `.onnx.json`, read through zod: what the app needs, with messages that name the problem. */
import { z } from 'zod';
import { appError } from '../../errors.js';

export const PiperConfigSchema = z.object({
  audio: z.object({ sample_rate: z.number().int().min(8000).max(96000), quality: z.string().optional() }),
  espeak: z.object({ voice: z.string().min(1) }),
  language: z.object({ code: z.string().min(2) }).partial().optional(),
  inference: z.object({ noise_scale: z.number(), length_scale: z.number(), noise_w: z.number() }).partial().optional(),
  phoneme_type: z.string().optional(),
  phoneme_id_map: z.record(z.string(), z.array(z.number().int().nonnegative()).min(1)),
  num_speakers: z.number().int().min(1),
  speaker_id_map: z.record(z.string(), z.number().int()).optional(),
  dataset: z.string().optional(),
});
export type PiperConfig = z.infer<typeof PiperConfigSchema>;

export function parsePiperConfig(text: string, label: string): PiperConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw appError('invalid_input', 'voice.configNotJson', { label });
  }
  const parsed = PiperConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw appError('invalid_input', 'voice.configInvalid', { label, message: issue.message, path: issue.path.join('.') || 'root' });
  }
  if (parsed.data.phoneme_type && parsed.data.phoneme_type !== 'espeak') {
    throw appError('unsupported', 'voice.phonemeType', { label, phoneme_type: parsed.data.phoneme_type });
  }
  const multi = Object.keys(parsed.data.phoneme_id_map).find((k) => [...k].length !== 1);
  if (multi !== undefined) throw appError('invalid_input', 'voice.phonemeNotOne', { label, multi });
  for (const s of ['^', '$', '_']) {
    if (!(s in parsed.data.phoneme_id_map)) throw appError('invalid_input', 'voice.noSymbol', { label, s });
  }
  return parsed.data;
}

/** en_US-lessac-medium → { language: 'en_US', name: 'lessac', quality: 'medium' } (best effort). */
export function describeVoiceName(id: string): { language: string; name: string; quality: string } {
  const [language = '', name = id, quality = ''] = id.split('-');
  return { language, name, quality };
}
