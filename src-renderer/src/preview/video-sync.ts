/**
 * Video clips in the preview: one HTMLVideoElement per clip on screen, following the preview's one
 * clock. While playing, an element plays at the clip's speed and is re-seeked when it drifts more
 * than a frame or two (never while a seek is under way, and ahead by what its last seek took); paused, it is seeked to the exact source time the export shows (frame.ts
 * `mainVideoTime`, a hair past it so the frame starting there is the one shown) and the preview
 * redraws once the frame is there. A clip's sound plays from its element (gain, fades, mute,
 * ducking under narration as the sound tracks do). Elements of clips no longer on screen are dropped.
 */
import type { MediaClip, ProjectDocument } from '../../../src-main/project/document.js';
import { clipGain, DUCK_GAIN } from './audio-sync.js';
import type { PreparedImage } from './prepared-images.js';
import { previewVideoUrl } from './proxy-source.js';
import type { VideoFrames } from './video-frames.js';

const DRIFT = 0.08;
/** The most a playing element is sent ahead of the clock to make up for its seek time (s). */
const MAX_LEAD = 0.5;
/** Past the wanted time: a seek to a frame's exact start may land on the one before it. */
export const SEEK_PAST = 0.001;

export class VideoSync {
  private readonly elements = new Map<string, HTMLVideoElement>();
  private used = new Set<string>();
  private doc: ProjectDocument | null = null;
  private t = 0;
  private playing = false;
  /** Video pictures drawn since begin(): from prepared frames, and from the elements themselves. */
  drawn = { prepared: 0, elements: 0 };
  /** Re-seeks of playing elements that drifted (for the playback probe). */
  seeks = 0;
  /** How long each element's last seek while playing took (s), and when the one under way began. */
  private readonly seekCost = new WeakMap<HTMLVideoElement, number>();
  private readonly seekStarted = new WeakMap<HTMLVideoElement, number>();

  constructor(
    private readonly projectId: () => string | null,
    private readonly redraw: () => void,
    /** Playing, frames are drawn prepared from here (video-frames.ts); without it, from the element. */
    private readonly frames?: VideoFrames,
  ) {}

  /** Call before drawing a frame at t. */
  begin(doc: ProjectDocument | null, t: number, playing: boolean): void {
    this.doc = doc;
    this.t = t;
    this.playing = playing;
    this.used = new Set();
    this.drawn = { prepared: 0, elements: 0 };
  }

  /** The clip's element, made on first use; null while the video's preview copy is being made. */
  private element(clip: MediaClip, projectId: string): HTMLVideoElement | null {
    const src = previewVideoUrl(this.doc, projectId, clip.assetId);
    if (!src) return null;
    this.used.add(clip.id);
    let el = this.elements.get(clip.id);
    if (!el) {
      el = document.createElement('video');
      el.preload = 'auto';
      el.playsInline = true;
      el.addEventListener('seeked', this.redraw);
      el.addEventListener('seeked', () => {
        const began = this.seekStarted.get(el!);
        if (began !== undefined) this.seekCost.set(el!, (performance.now() - began) / 1000);
        this.seekStarted.delete(el!);
      });
      el.addEventListener('loadeddata', this.redraw);
      this.elements.set(clip.id, el);
    }
    if (el.dataset.src !== src) {
      el.dataset.src = src;
      el.src = src;
    }
    return el;
  }

  /**
   * While playing: the video clips starting within the next 1.5 s get their element now, loaded and
   * seeked to their first frame, so a clip does not start on an empty frame.
   */
  prefetch(doc: ProjectDocument, t: number): void {
    const projectId = this.projectId();
    if (!projectId || !this.playing) return;
    for (const track of doc.tracks.media) {
      if (track.role !== 'main' && track.role !== 'overlay') continue;
      for (const clip of track.clips) {
        if (doc.assets[clip.assetId]?.kind !== 'video' || clip.start <= t || clip.start > t + 1.5 || this.elements.has(clip.id)) continue;
        const el = this.element(clip, projectId);
        if (!el) continue;
        el.muted = true;
        el.dataset.want = String(clip.sourceIn);
        el.currentTime = clip.sourceIn + SEEK_PAST;
      }
    }
    for (const id of this.elements.keys()) {
      const clip = doc.tracks.media.flatMap((m) => m.clips).find((c) => c.id === id);
      if (clip && clip.start > t && clip.start <= t + 1.5) this.used.add(id);
    }
  }

  /**
   * The draw code's VideoLookup: the clip's picture at source time `time` (playing: its latest prepared
   * frame, else its element; paused: the element seeked there), or null until it has a frame.
   */
  readonly lookup = (clip: MediaClip, time: number): HTMLVideoElement | PreparedImage | null => {
    const projectId = this.projectId();
    if (!projectId) return null;
    const el = this.element(clip, projectId);
    if (!el) return null;
    this.sound(el, clip);
    if (this.playing) {
      if (el.playbackRate !== clip.speed) el.playbackRate = clip.speed;
      // Not while a seek is under way (re-seeking then restarts the decode: a busy machine never catches
      // up); ahead by what the last seek took, so it lands where the clock will be.
      if (!el.seeking && Math.abs(el.currentTime - time) > DRIFT) {
        el.currentTime = time + Math.min(MAX_LEAD, this.seekCost.get(el) ?? 0) * clip.speed + SEEK_PAST;
        this.seekStarted.set(el, performance.now());
        this.seeks++;
        this.frames?.seeked(clip.id);
      }
      if (el.paused) void el.play().catch(() => undefined);
      if (el.readyState >= 2) {
        const prepared = this.frames?.frame(clip.id, el) ?? null;
        this.drawn[prepared ? 'prepared' : 'elements']++;
        return prepared ?? el;
      }
    } else {
      if (!el.paused) el.pause();
      if (el.dataset.want !== String(time)) {
        el.dataset.want = String(time);
        void framePresented(el).then(this.redraw);
        el.currentTime = time + SEEK_PAST;
        this.frames?.seeked(clip.id);
      }
    }
    if (el.readyState < 2) return null;
    this.drawn.elements++;
    return el;
  };

  private sound(el: HTMLVideoElement, clip: MediaClip): void {
    const doc = this.doc;
    if (!doc || !this.playing) {
      el.muted = true;
      return;
    }
    const narrating = doc.tracks.media.some((m) => m.role === 'narration' && !m.muted && m.clips.some((c) => this.t >= c.start && this.t < c.start + c.duration));
    const track = doc.tracks.media.find((m) => m.clips.some((c) => c.id === clip.id));
    const gain = clipGain(clip, this.t, track) * (clip.duck && narrating ? DUCK_GAIN : 1);
    el.muted = gain <= 0;
    el.volume = Math.min(1, Math.max(0, gain));
  }

  /** Call after drawing: elements not drawn this frame are stopped and dropped. */
  end(): void {
    for (const [id, el] of this.elements) {
      if (this.used.has(id)) continue;
      el.pause();
      el.removeAttribute('src');
      el.load();
      this.elements.delete(id);
      this.frames?.drop(id);
    }
  }

  stop(): void {
    for (const el of this.elements.values()) el.pause();
  }
}

/** A video element showing `time` of a file, once the frame is decoded (for stills: the parity test, posters). */
export async function seekedVideo(url: string, time: number): Promise<HTMLVideoElement> {
  const el = document.createElement('video');
  el.muted = true;
  el.preload = 'auto';
  const once = (event: string) =>
    new Promise<void>((resolve, reject) => {
      el.addEventListener(event, () => resolve(), { once: true });
      el.addEventListener('error', () => reject(new Error(`cannot play ${url}`)), { once: true });
    });
  const loaded = once('loadeddata');
  el.src = url;
  await loaded;
  const seeked = once('seeked');
  const presented = framePresented(el);
  el.currentTime = time + SEEK_PAST;
  await seeked;
  await presented;
  return el;
}

/** The most a still waits, after `seeked`, for the seeked frame to reach the element (ms). */
const PRESENT_WAIT_MS = 2000;

/**
 * Resolves once the element has the frame of its next seek, to call before seeking. `seeked` can fire
 * while drawImage still gives the frame before (seen on a loaded machine; Remotion #200):
 * requestVideoFrameCallback fires once a paused element's new frame is there, on or off screen.
 */
export function framePresented(el: HTMLVideoElement): Promise<void> {
  if (typeof el.requestVideoFrameCallback !== 'function') return Promise.resolve();
  return new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, PRESENT_WAIT_MS);
    el.requestVideoFrameCallback(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}
