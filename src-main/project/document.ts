/**
 * The project document: one versioned model the whole app shares (core, CLI, renderer, export).
 * Pure: imports nothing but zod, so the renderer can import it too. Documented in docs/project-format.md.
 *
 * Times are seconds as numbers. Frames for Ken Burns are zoom + focal point, independent of the
 * output aspect, so a project re-exported at 16:9 keeps its framing.
 */
import { z } from 'zod';
import { defaultTracks, MAX_CLIPS_PER_TRACK, MAX_PROJECT_SECONDS, MAX_TRACKS, TrackSchema } from './media-tracks.js';
import { timelineIssues } from './timeline.js';

export * from './media-tracks.js';
export * from './timeline.js';

export const PROJECT_VERSION = 2;

export const ASPECT_PRESETS = {
  '9:16': { width: 1080, height: 1920 },
  '16:9': { width: 1920, height: 1080 },
  '1:1': { width: 1080, height: 1080 },
} as const;
export type AspectPreset = keyof typeof ASPECT_PRESETS;
export const AspectPresetSchema = z.enum(['9:16', '16:9', '1:1']);

export const FPS_CHOICES = [24, 25, 30, 60] as const;
export const QualitySchema = z.enum(['draft', 'standard', 'high']);
export type Quality = z.infer<typeof QualitySchema>;
export const LanguageSchema = z.enum(['es', 'en']);
export type Language = z.infer<typeof LanguageSchema>;

const id = z.string().min(1).max(128);
const seconds = z.number().finite().nonnegative().max(MAX_PROJECT_SECONDS, 'at most 6 hours');
const positiveSeconds = z.number().finite().positive().max(MAX_PROJECT_SECONDS, 'at most 6 hours');
const unit = z.number().finite().min(0).max(1);
const color = z.string().regex(/^#[0-9a-fA-F]{6}([0-9a-fA-F]{2})?$/, 'a colour like #RRGGBB or #RRGGBBAA');

export const OutputSettingsSchema = z
  .object({
    preset: AspectPresetSchema,
    width: z.number().int().min(16).max(7680),
    height: z.number().int().min(16).max(7680),
    fps: z.union([z.literal(24), z.literal(25), z.literal(30), z.literal(60)]),
    quality: QualitySchema,
  })
  .refine((o) => o.width % 2 === 0 && o.height % 2 === 0, { message: 'width and height must be even' });
export type OutputSettings = z.infer<typeof OutputSettingsSchema>;

export const NarrationEngineSchema = z.enum(['piper', 'elevenlabs', 'system']);
export const NarrationSettingsSchema = z.object({
  engine: NarrationEngineSchema,
  voiceId: z.string().nullable(),
  language: LanguageSchema,
  wordsPerMinute: z.number().int().min(120).max(240),
  script: z.string().max(100_000),
  /** Pause between sentences; a paragraph break adds twice this. */
  sentenceSilence: z.number().min(0).max(3),
});
export type NarrationSettings = z.infer<typeof NarrationSettingsSchema>;

export const AssetSchema = z.object({
  id,
  kind: z.enum(['image', 'audio', 'video', 'subtitles']),
  /** Path relative to the project folder, always under assets/ (content-addressed: assets/<sha256>.<ext>). */
  file: z.string().regex(/^assets\/[A-Za-z0-9._-]+$/, 'a file under assets/'),
  mime: z.string(),
  bytes: z.number().int().nonnegative(),
  width: z.number().int().positive().optional(),
  height: z.number().int().positive().optional(),
  /** Probed: length (video, audio), frame rate and display rotation (video), whether it has sound. */
  duration: positiveSeconds.optional(),
  fps: z.number().finite().positive().max(1000).optional(),
  rotation: z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)]).optional(),
  hasAudio: z.boolean().optional(),
  codec: z.string().max(40).optional(),
  /**
   * A video the preview cannot play as it is (src-main/media/proxy/): its preview copy under
   * proxies/, being made, made, or failed. The export never reads it.
   */
  proxy: z.object({ file: z.string().regex(/^proxies\/[A-Za-z0-9._-]+\.mp4$/, 'a file under proxies/'), status: z.enum(['making', 'ready', 'failed']) }).optional(),
  source: z.enum(['import', 'kie', 'narration', 'generated', 'sample']),
  originalName: z.string().optional(),
});
export type Asset = z.infer<typeof AssetSchema>;

export const SceneSchema = z.object({
  id,
  prompt: z.string().max(4000),
  negativePrompt: z.string().max(2000),
  model: z.string(),
  imageAssetId: z.string().nullable(),
  /** Another scene (or an imported asset) whose image is the character/style reference. */
  referenceSceneId: z.string().nullable().optional(),
  referenceAssetId: z.string().nullable().optional(),
  seed: z.number().int().nonnegative().optional(),
  duration: positiveSeconds,
});
export type Scene = z.infer<typeof SceneSchema>;

export const TextStyleSchema = z.object({
  font: z.string().min(1),
  size: z.number().min(8).max(400),
  color,
  outlineColor: color,
  outlineWidth: z.number().min(0).max(20),
  shadow: z.boolean(),
  box: z.object({ enabled: z.boolean(), color, padding: z.number().min(0).max(100) }),
  bold: z.boolean(),
});
export type TextStyle = z.infer<typeof TextStyleSchema>;

export const PositionSchema = z.object({
  preset: z.enum(['top', 'center', 'bottom', 'free']),
  /** Used when preset is free: the anchor point as a fraction of the frame. */
  x: unit,
  y: unit,
});

export const TextClipSchema = z.object({
  id,
  text: z.string().min(1, 'text must not be empty').max(500),
  start: seconds,
  duration: positiveSeconds,
  style: TextStyleSchema,
  position: PositionSchema,
  align: z.enum(['left', 'center', 'right']),
  /** Wrap width as a fraction of the frame width. */
  maxWidth: z.number().min(0.1).max(1),
  fadeIn: seconds.max(5),
  fadeOut: seconds.max(5),
});
export type TextClip = z.infer<typeof TextClipSchema>;

export const WordTimingSchema = z.object({ text: z.string(), start: seconds, end: seconds });
export type WordTiming = z.infer<typeof WordTimingSchema>;
export const CaptionCueSchema = z
  .object({
    id,
    start: seconds,
    end: positiveSeconds,
    text: z.string().min(1),
    words: z.array(WordTimingSchema).optional(),
    /** The user changed this cue (text or timing): narrating again keeps it (narration/timing/merge-cues.ts). */
    edited: z.boolean().optional(),
    /** Indices of the cue's words (split at spaces) drawn in the captions' emphasis colour. Absent = none. */
    emphasis: z.array(z.number().int().nonnegative().max(500)).max(500).optional(),
  })
  .refine((c) => c.end > c.start, { message: 'a cue must end after it starts' });
export type CaptionCue = z.infer<typeof CaptionCueSchema>;

export const CaptionPresetSchema = z.enum(['karaoke', 'boldPop', 'phrase', 'boxed', 'minimal']);
export type CaptionPreset = z.infer<typeof CaptionPresetSchema>;
export const WordAnimationSchema = z.enum(['none', 'pop', 'bounce', 'fade']);
export type WordAnimation = z.infer<typeof WordAnimationSchema>;

/**
 * The captions' look. The fields after `cues` were added with the caption styles (issue 16) and are
 * optional: a file without them draws as before (src-main/media/captions/look.ts fills the defaults).
 */
export const CaptionsTrackSchema = z.object({
  enabled: z.boolean(),
  style: TextStyleSchema.extend({ highlightColor: color }),
  position: PositionSchema,
  highlightWords: z.boolean(),
  cues: z.array(CaptionCueSchema),
  /** The gallery style last applied (the fields below hold what it set; absent = karaoke). */
  preset: CaptionPresetSchema.optional(),
  /** How the spoken word enters: none, pop (grows in), bounce (overshoots), fade (words appear as spoken). */
  animation: WordAnimationSchema.optional(),
  /** At most this many words on screen at once (0 or absent = the whole cue). */
  wordsPerCue: z.number().int().min(0).max(20).optional(),
  /** At most this many lines on screen at once (absent = as many as the cue needs). */
  linesPerCue: z.number().int().min(1).max(4).optional(),
  uppercase: z.boolean().optional(),
  /** Size of the spoken word relative to the others (1 = same size). */
  activeScale: z.number().min(1).max(2).optional(),
  /** Colour of the words chosen for emphasis (cue.emphasis). */
  emphasisColor: color.optional(),
});
export type CaptionsTrack = z.infer<typeof CaptionsTrackSchema>;

export const SavedTextStyleSchema = z.object({ id, name: z.string().min(1).max(80), style: TextStyleSchema });
export type SavedTextStyle = z.infer<typeof SavedTextStyleSchema>;

export const TracksSchema = z.object({
  /** The media tracks, bottom to top: the main picture first, overlays, then the audio tracks. */
  media: z.array(TrackSchema).min(1).max(MAX_TRACKS),
  text: z.array(TextClipSchema).max(MAX_CLIPS_PER_TRACK, `at most ${MAX_CLIPS_PER_TRACK} clips on a track`),
  captions: CaptionsTrackSchema,
});
export type Tracks = z.infer<typeof TracksSchema>;

export const StyleSchema = z.object({
  templateId: z.string().nullable(),
  premise: z.string().max(2000),
  /** Appended to every scene prompt. */
  style: z.string().max(2000),
  negativePrompt: z.string().max(2000),
});

const ProjectDocumentShape = z.object({
  version: z.literal(PROJECT_VERSION),
  id,
  name: z.string().min(1).max(200),
  createdAt: z.string(),
  updatedAt: z.string(),
  language: LanguageSchema,
  output: OutputSettingsSchema,
  narration: NarrationSettingsSchema,
  style: StyleSchema,
  /** Text styles the user saved by name, offered for any text clip (added with issue 16; absent = none). */
  textStyles: z.array(SavedTextStyleSchema).max(100).optional(),
  scenes: z.array(SceneSchema),
  assets: z.record(z.string(), AssetSchema),
  tracks: TracksSchema,
});

/** The full document, with the cross-field rules (references resolve, clips don't overlap, fit the length). */
export const ProjectDocumentSchema = ProjectDocumentShape.superRefine((doc, ctx) => {
  for (const issue of timelineIssues(doc)) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path, ...(issue.key ? { params: { key: issue.key, values: issue.values ?? {} } } : {}) });
});
export type ProjectDocument = z.infer<typeof ProjectDocumentShape>;

export const DEFAULT_TEXT_STYLE: TextStyle = {
  font: 'Inter',
  size: 72,
  color: '#FFFFFF',
  outlineColor: '#000000',
  outlineWidth: 4,
  shadow: true,
  box: { enabled: false, color: '#000000AA', padding: 24 },
  bold: true,
};

export function outputForPreset(preset: AspectPreset, fps: OutputSettings['fps'] = 30, quality: Quality = 'standard'): OutputSettings {
  return { preset, ...ASPECT_PRESETS[preset], fps, quality };
}

/** A new, empty, valid document. `now` and `newId` are passed in so this stays pure. */
export function createEmptyDocument(input: { id: string; name: string; now: string; language?: Language; preset?: AspectPreset }): ProjectDocument {
  const language = input.language ?? 'en';
  return {
    version: PROJECT_VERSION,
    id: input.id,
    name: input.name,
    createdAt: input.now,
    updatedAt: input.now,
    language,
    output: outputForPreset(input.preset ?? '9:16'),
    narration: { engine: 'system', voiceId: null, language, wordsPerMinute: 170, script: '', sentenceSilence: 0.3 },
    style: { templateId: null, premise: '', style: '', negativePrompt: '' },
    scenes: [],
    assets: {},
    tracks: {
      text: [],
      captions: {
        enabled: true,
        style: { ...DEFAULT_TEXT_STYLE, size: 64, highlightColor: '#FFD400' },
        position: { preset: 'bottom', x: 0.5, y: 0.75 },
        highlightWords: true,
        cues: [],
      },
      media: defaultTracks(),
    },
  };
}
