/** A Piper voice's `.onnx.json`, read through zod: what the app needs, with messages that name the problem. */
import { z } from 'zod';
import { AppError } from '../../errors.js';

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
    throw new AppError('invalid_input', `${label} is not valid JSON, so it is not a Piper voice config.`);
  }
  const parsed = PiperConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AppError('invalid_input', `${label} is not a Piper voice config: ${issue.path.join('.') || 'root'}: ${issue.message}.`);
  }
  if (parsed.data.phoneme_type && parsed.data.phoneme_type !== 'espeak') {
    throw new AppError('unsupported', `${label} uses "${parsed.data.phoneme_type}" phonemes; only espeak-ng voices are supported.`);
  }
  const multi = Object.keys(parsed.data.phoneme_id_map).find((k) => [...k].length !== 1);
  if (multi !== undefined) throw new AppError('invalid_input', `${label} maps the phoneme "${multi}", which is not one character; Piper phonemes must be one codepoint.`);
  for (const s of ['^', '$', '_']) {
    if (!(s in parsed.data.phoneme_id_map)) throw new AppError('invalid_input', `${label} has no "${s}" symbol in its phoneme map; it is not a Piper voice.`);
  }
  return parsed.data;
}

/** en_US-lessac-medium → { language: 'en_US', name: 'lessac', quality: 'medium' } (best effort). */
export function describeVoiceName(id: string): { language: string; name: string; quality: string } {
  const [language = '', name = id, quality = ''] = id.split('-');
  return { language, name, quality };
}
