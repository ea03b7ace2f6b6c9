/**
 * The media tracks of a project (format v2), modelled on OpenTimelineIO: a timeline is a stack of
 * tracks, a track holds clips, a clip is a source range (`sourceIn`, `duration` x `speed`) of a media
 * reference (`assetId`). One clip type serves every kind of media (image, video, audio), so moving,
 * trimming, splitting and snapping are written once. Gaps are implicit (a clip has an absolute
 * `start`), so an OTIO export inserts Gap items between clips; `speed` maps to OTIO's LinearTimeWarp.
 *
 * Pure: imports nothing but zod (the renderer imports it too). Documented in docs/project-format.md.
 */
import { z } from 'zod';

const id = z.string().min(1).max(128);
const unit = z.number().finite().min(0).max(1);

/** Generous bounds (hours, thousands): a hand-edited `1e7` s clip is refused, real projects never meet them. */
export const MAX_PROJECT_SECONDS = 6 * 3600;
export const MAX_CLIPS_PER_TRACK = 10_000;
export const MAX_TRACKS = 32;
const seconds = z.number().finite().nonnegative().max(MAX_PROJECT_SECONDS, 'at most 6 hours');
const positiveSeconds = z.number().finite().positive().max(MAX_PROJECT_SECONDS, 'at most 6 hours');

/** A framing of the source picture: zoom 1 = the largest output-aspect crop that covers the frame. */
export const FramingSchema = z.object({
  zoom: z.number().finite().min(1).max(10),
  /** Focal point in the source picture, 0..1 from the left/top. Clamped so the crop stays inside. */
  x: unit,
  y: unit,
});
export type Framing = z.infer<typeof FramingSchema>;
export const EasingSchema = z.enum(['linear', 'easeInOut', 'easeIn', 'easeOut']);
export type Easing = z.infer<typeof EasingSchema>;
export const KenBurnsSchema = z.object({ from: FramingSchema, to: FramingSchema, easing: EasingSchema });
export type KenBurns = z.infer<typeof KenBurnsSchema>;
/** A still framing: the whole picture, no movement (a video clip's default). */
export const STILL_FRAMING: KenBurns = { from: { zoom: 1, x: 0.5, y: 0.5 }, to: { zoom: 1, x: 0.5, y: 0.5 }, easing: 'linear' };

export const TransitionSchema = z.object({
  kind: z.enum(['cut', 'crossfade', 'slide', 'wipe', 'zoom']),
  /** Centred on the clip's start: [start - duration/2, start + duration/2]. */
  duration: z.number().finite().nonnegative().max(3),
});
export type Transition = z.infer<typeof TransitionSchema>;
export const CUT: Transition = { kind: 'cut', duration: 0 };

/** Where an overlay sits: its centre as fractions of the frame, its width as a fraction of the frame width. */
export const TransformSchema = z.object({
  x: z.number().finite().min(-1).max(2),
  y: z.number().finite().min(-1).max(2),
  scale: z.number().finite().min(0.02).max(4),
  /** Degrees, clockwise. */
  rotation: z.number().finite().min(-360).max(360),
});
export type Transform = z.infer<typeof TransformSchema>;
export const CENTRED: Transform = { x: 0.5, y: 0.5, scale: 0.5, rotation: 0 };

/**
 * A clip of any kind. Fields that do not apply to a kind are kept at their defaults and ignored:
 * a still has no sound, an audio clip no picture. Defaults are filled when a file is read, so a
 * hand-written clip needs only id, assetId, start and duration.
 */
export const MediaClipSchema = z.object({
  id,
  assetId: id,
  /** Where the clip sits on the timeline, and how long it shows (timeline seconds). */
  start: seconds,
  duration: positiveSeconds,
  /** Offset into the source (video and audio; 0 for stills). The clip uses `duration * speed` of it. */
  sourceIn: seconds.default(0),
  speed: z.number().finite().min(0.25).max(4).default(1),
  /** The storyboard scene this clip shows (main track), if any. */
  sceneId: z.string().nullable().optional(),
  /** Picture: Ken Burns framing (main track), fit, and the transition from the previous clip. */
  kenBurns: KenBurnsSchema.default(STILL_FRAMING),
  /** cover: fill the frame (Ken Burns applies); contain: the whole picture over a blurred fill. */
  fit: z.enum(['cover', 'contain']).default('cover'),
  transitionIn: TransitionSchema.default(CUT),
  /** Overlay tracks: where the picture sits and how opaque it is. */
  transform: TransformSchema.default(CENTRED),
  opacity: unit.default(1),
  /** Fade in/out: of the picture on overlay tracks, of the sound wherever the clip has sound. */
  fadeIn: z.number().finite().min(0).max(30).default(0),
  fadeOut: z.number().finite().min(0).max(30).default(0),
  /** Sound: gain in dB (0 = as recorded), mute, and lowered under narration (music, effects, video sound). */
  gainDb: z.number().finite().min(-60).max(12).default(0),
  muted: z.boolean().default(false),
  duck: z.boolean().default(false),
});
export type MediaClip = z.infer<typeof MediaClipSchema>;
export type MediaClipInput = z.input<typeof MediaClipSchema>;

/**
 * What a track is for. `main` is the picture (images and video clips, in time order, transitions
 * between them); `overlay` tracks are drawn above it, later tracks on top; audio tracks carry
 * narration (the ducking key), music and sound effects.
 */
export const TrackRoleSchema = z.enum(['main', 'overlay', 'narration', 'music', 'effects']);
export type TrackRole = z.infer<typeof TrackRoleSchema>;
export const PICTURE_ROLES: readonly TrackRole[] = ['main', 'overlay'];
export const SOUND_ROLES: readonly TrackRole[] = ['narration', 'music', 'effects'];

export const TrackSchema = z.object({
  id,
  /** OTIO's track kind: video tracks hold images and video clips, audio tracks audio (or a video's sound). */
  kind: z.enum(['video', 'audio']),
  role: TrackRoleSchema,
  /** A name the user gave; without one the page words the role ("Overlay 2") in its language. */
  name: z.string().min(1).max(80).optional(),
  muted: z.boolean().default(false),
  clips: z.array(MediaClipSchema).max(MAX_CLIPS_PER_TRACK, `at most ${MAX_CLIPS_PER_TRACK} clips on a track`),
});
export type Track = z.infer<typeof TrackSchema>;

export function kindOfRole(role: TrackRole): Track['kind'] {
  return PICTURE_ROLES.includes(role) ? 'video' : 'audio';
}

/** A clip with every default filled (for code that builds clips). */
export function makeClip(input: MediaClipInput): MediaClip {
  return MediaClipSchema.parse(input);
}

/** The clip's end on the timeline. */
export const clipEnd = (clip: Pick<MediaClip, 'start' | 'duration'>): number => clip.start + clip.duration;

/** How much of the source a clip uses, in source seconds. */
export const sourceSpan = (clip: Pick<MediaClip, 'duration' | 'speed'>): number => clip.duration * clip.speed;

/** Linear gain of a clip (0 when muted). */
export function clipGain(clip: Pick<MediaClip, 'gainDb' | 'muted'>, track?: Pick<Track, 'muted'>): number {
  if (clip.muted || track?.muted) return 0;
  return Math.pow(10, clip.gainDb / 20);
}

/** dB for a linear gain (v1's `volume`), clamped to the schema's range; 0 gives the floor. */
export function gainToDb(volume: number): number {
  if (!(volume > 0)) return -60;
  return Math.max(-60, Math.min(12, Math.round(20 * Math.log10(volume) * 100) / 100));
}

/** The default track stack of a new project: the picture, two overlays, narration, music, effects. */
export function defaultTracks(): Track[] {
  const track = (id: string, role: TrackRole): Track => ({ id, kind: kindOfRole(role), role, muted: false, clips: [] });
  return [track('main', 'main'), track('overlay-1', 'overlay'), track('overlay-2', 'overlay'), track('narration', 'narration'), track('music', 'music'), track('effects', 'effects')];
}
