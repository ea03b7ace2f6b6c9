/**
 * The project document: one versioned model the whole app shares (core, CLI, renderer, export).
 * Pure: imports nothing but zod, so the renderer can import it too. Documented in docs/project-format.md.
 *
 * Times are seconds as numbers. Frames for Ken Burns are zoom + focal point, independent of the
 * output aspect, so a project re-exported at 16:9 keeps its framing.
 */
import { z } from 'zod';

export const PROJECT_VERSION = 1;

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
const seconds = z.number().finite().nonnegative();
const positiveSeconds = z.number().finite().positive();
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
  kind: z.enum(['image', 'audio', 'video']),
  /** Path relative to the project folder, always under assets/ (content-addressed: assets/<sha256>.<ext>). */
  file: z.string().regex(/^assets\/[A-Za-z0-9._-]+$/, 'a file under assets/'),
  mime: z.string(),
  bytes: z.number().int().nonnegative(),
  width: z.number().int().positive().optional(),
  height: z.number().int().positive().optional(),
  duration: positiveSeconds.optional(),
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

/** A framing of the source image: zoom 1 = the largest output-aspect crop that covers the frame. */
export const FramingSchema = z.object({
  zoom: z.number().finite().min(1).max(10),
  /** Focal point in the source image, 0..1 from the left/top. Clamped so the crop stays inside. */
  x: unit,
  y: unit,
});
export type Framing = z.infer<typeof FramingSchema>;
export const EasingSchema = z.enum(['linear', 'easeInOut', 'easeIn', 'easeOut']);
export type Easing = z.infer<typeof EasingSchema>;

export const TransitionSchema = z.object({
  kind: z.enum(['cut', 'crossfade', 'slide', 'wipe', 'zoom']),
  /** Centred on the clip's start: [start - duration/2, start + duration/2]. */
  duration: seconds.max(3),
});
export type Transition = z.infer<typeof TransitionSchema>;

export const ImageClipSchema = z.object({
  id,
  assetId: id,
  sceneId: z.string().nullable().optional(),
  start: seconds,
  duration: positiveSeconds,
  kenBurns: z.object({ from: FramingSchema, to: FramingSchema, easing: EasingSchema }),
  /** Transition from the previous image clip into this one. */
  transitionIn: TransitionSchema,
});
export type ImageClip = z.infer<typeof ImageClipSchema>;

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
  })
  .refine((c) => c.end > c.start, { message: 'a cue must end after it starts' });
export type CaptionCue = z.infer<typeof CaptionCueSchema>;

export const CaptionsTrackSchema = z.object({
  enabled: z.boolean(),
  style: TextStyleSchema.extend({ highlightColor: color }),
  position: PositionSchema,
  highlightWords: z.boolean(),
  cues: z.array(CaptionCueSchema),
});
export type CaptionsTrack = z.infer<typeof CaptionsTrackSchema>;

export const AudioClipSchema = z.object({
  id,
  assetId: id,
  start: seconds,
  duration: positiveSeconds,
  /** Offset into the source file. */
  trimStart: seconds,
  volume: z.number().min(0).max(4),
  fadeIn: seconds.max(30),
  fadeOut: seconds.max(30),
});
export type AudioClip = z.infer<typeof AudioClipSchema>;

export const MusicClipSchema = AudioClipSchema.extend({
  /** Lower the music while narration plays. */
  duck: z.boolean(),
});
export type MusicClip = z.infer<typeof MusicClipSchema>;

export const TracksSchema = z.object({
  images: z.array(ImageClipSchema),
  text: z.array(TextClipSchema),
  captions: CaptionsTrackSchema,
  narration: z.array(AudioClipSchema),
  music: z.array(MusicClipSchema),
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
  scenes: z.array(SceneSchema),
  assets: z.record(z.string(), AssetSchema),
  tracks: TracksSchema,
});

/** The full document, with the cross-field rules (references resolve, clips don't overlap, fit the length). */
export const ProjectDocumentSchema = ProjectDocumentShape.superRefine((doc, ctx) => {
  for (const issue of timelineIssues(doc)) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
});
export type ProjectDocument = z.infer<typeof ProjectDocumentShape>;

const EPSILON = 1e-6;

/** The project length: the end of the last image clip (images carry the picture). */
export function projectDuration(doc: Pick<ProjectDocument, 'tracks'>): number {
  return doc.tracks.images.reduce((end, clip) => Math.max(end, clip.start + clip.duration), 0);
}

/**
 * The length the storyboard plans: the picture end or, while scene images are still arriving, the sum
 * of the scenes' durations. Captions made from a narration may run to it before every image is in.
 */
export function plannedDuration(doc: Pick<ProjectDocument, 'tracks' | 'scenes'>): number {
  return Math.max(projectDuration(doc), doc.scenes.reduce((total, scene) => total + scene.duration, 0));
}

export interface DocumentIssue {
  path: (string | number)[];
  message: string;
}

/** Cross-field validation, pure; used by the schema and by the export before it starts. */
export function timelineIssues(doc: ProjectDocument): DocumentIssue[] {
  const issues: DocumentIssue[] = [];
  const length = projectDuration(doc);
  const images = [...doc.tracks.images].map((clip, index) => ({ clip, index })).sort((a, b) => a.clip.start - b.clip.start);
  for (let i = 0; i < images.length; i++) {
    const { clip, index } = images[i]!;
    if (!doc.assets[clip.assetId]) {
      issues.push({ path: ['tracks', 'images', index, 'assetId'], message: `image clip ${clip.id} uses unknown asset ${clip.assetId}` });
    }
    const previous = images[i - 1]?.clip;
    if (previous && previous.start + previous.duration > clip.start + EPSILON) {
      issues.push({ path: ['tracks', 'images', index, 'start'], message: `image clip ${clip.id} overlaps clip ${previous.id}` });
    }
    const t = clip.transitionIn;
    if (t.kind !== 'cut' && t.duration > 0) {
      const limit = Math.min(clip.duration, previous ? previous.duration : clip.duration);
      if (t.duration > limit + EPSILON) {
        issues.push({
          path: ['tracks', 'images', index, 'transitionIn', 'duration'],
          message: `transition into clip ${clip.id} (${t.duration}s) is longer than the clips it joins (${limit}s)`,
        });
      }
    }
  }
  doc.tracks.text.forEach((clip, index) => {
    if (clip.start + clip.duration > length + EPSILON) {
      issues.push({ path: ['tracks', 'text', index], message: `text clip ${clip.id} ends after the project (${length.toFixed(2)}s)` });
    }
    if (clip.fadeIn + clip.fadeOut > clip.duration + EPSILON) {
      issues.push({ path: ['tracks', 'text', index, 'fadeIn'], message: `text clip ${clip.id} fades are longer than the clip` });
    }
  });
  const captionLength = plannedDuration(doc);
  doc.tracks.captions.cues.forEach((cue, index) => {
    if (cue.start >= captionLength - EPSILON && length > 0) {
      issues.push({ path: ['tracks', 'captions', 'cues', index], message: `caption "${cue.text.slice(0, 30)}" starts after the project ends` });
    }
  });
  for (const track of ['narration', 'music'] as const) {
    doc.tracks[track].forEach((clip, index) => {
      if (!doc.assets[clip.assetId]) {
        issues.push({ path: ['tracks', track, index, 'assetId'], message: `${track} clip ${clip.id} uses unknown asset ${clip.assetId}` });
      }
    });
  }
  doc.scenes.forEach((scene, index) => {
    if (scene.imageAssetId && !doc.assets[scene.imageAssetId]) {
      issues.push({ path: ['scenes', index, 'imageAssetId'], message: `scene ${index + 1} uses unknown asset ${scene.imageAssetId}` });
    }
  });
  return issues;
}

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
      images: [],
      text: [],
      captions: {
        enabled: true,
        style: { ...DEFAULT_TEXT_STYLE, size: 64, highlightColor: '#FFD400' },
        position: { preset: 'bottom', x: 0.5, y: 0.75 },
        highlightWords: true,
        cues: [],
      },
      narration: [],
      music: [],
    },
  };
}
