/**
 * Every clip on a sound track plays through an HTMLAudioElement in step with the preview: each
 * frame, every clip under the playhead is playing at (t - start) x speed + sourceIn with its gain
 * and fades; the others are paused. One of them is the master the preview's clock follows
 * (`clockTime`: narration first, then music, then effects); the others are re-seeked when they
 * drift from it more than a frame or two. The master is left alone unless it is far off (a seek).
 */
import { clipGain as trackGain, SOUND_ROLES, type MediaClip, type ProjectDocument, type Track } from '../../../src-main/project/document.js';
import { mediaUrl } from '../ipc/client.js';
import { SNAP_DRIFT, timelineTimeOfSource } from './frame-clock.js';

const DRIFT = 0.08;
/**
 * The master is re-seeked only this far off: ahead, the clock jumps to it first (frame-clock.ts); behind
 * by more than the clock's snap, the picture does not step back, so the sound comes to it.
 */
const MASTER_DRIFT = SNAP_DRIFT + 0.02;
const MASTER_ORDER: readonly Track['role'][] = ['narration', 'music', 'effects'];
/** Music gain while narration plays, when the clip ducks. */
export const DUCK_GAIN = 0.35;

/** Gain of a clip with sound at absolute time t (dB gain, mute, linear fades), pure. */
export function clipGain(clip: MediaClip, t: number, track?: Pick<Track, 'muted'>): number {
  const local = t - clip.start;
  if (local < 0 || local >= clip.duration) return 0;
  let g = trackGain(clip, track);
  if (clip.fadeIn > 0) g *= Math.min(1, local / clip.fadeIn);
  if (clip.fadeOut > 0) g *= Math.min(1, (clip.duration - local) / clip.fadeOut);
  return Math.max(0, g);
}

export class AudioSync {
  private readonly elements = new Map<string, HTMLAudioElement>();
  /** Where each element was (re)started from: it is a clock only once it has moved on from there. */
  private readonly startedAt = new Map<string, number>();
  private master: { clip: MediaClip; el: HTMLAudioElement } | null = null;

  constructor(private readonly projectId: () => string | null) {}

  private element(clip: MediaClip): HTMLAudioElement | null {
    const projectId = this.projectId();
    if (!projectId) return null;
    let el = this.elements.get(clip.id);
    const src = mediaUrl(projectId, clip.assetId);
    if (!el) {
      el = new Audio();
      el.preload = 'auto';
      this.elements.set(clip.id, el);
    }
    if (el.dataset.src !== src) {
      el.dataset.src = src;
      el.src = src;
    }
    return el;
  }

  /** Bring every element in line with time t; `playing` false pauses all. */
  update(doc: ProjectDocument, t: number, playing: boolean): void {
    const live = new Set<string>();
    const sound = doc.tracks.media.filter((m) => SOUND_ROLES.includes(m.role));
    const narrating = sound.some((m) => m.role === 'narration' && m.clips.some((c) => t >= c.start && t < c.start + c.duration));
    const master = playing ? this.pickMaster(sound, t) : null;
    if (master?.id !== this.master?.clip.id) this.master = null;
    for (const { clip, track } of sound.flatMap((m) => m.clips.map((clip) => ({ clip, track: m })))) {
      const active = playing && t >= clip.start && t < clip.start + clip.duration;
      const el = active ? this.element(clip) : this.elements.get(clip.id);
      if (!el) continue;
      live.add(clip.id);
      if (!active) {
        if (!el.paused) el.pause();
        continue;
      }
      const ducked = clip.duck && narrating ? DUCK_GAIN : 1;
      el.volume = Math.min(1, clipGain(clip, t, track) * ducked);
      if (el.playbackRate !== clip.speed) el.playbackRate = clip.speed;
      const want = (t - clip.start) * clip.speed + clip.sourceIn;
      if (Math.abs(el.currentTime - want) > (clip.id === master?.id ? MASTER_DRIFT : DRIFT)) {
        el.currentTime = want;
        this.startedAt.set(clip.id, want);
      }
      if (el.paused) {
        this.startedAt.set(clip.id, el.currentTime);
        void el.play().catch(() => undefined);
      }
      if (clip.id === master?.id) this.master = { clip, el };
    }
    for (const [id, el] of this.elements) {
      if (!live.has(id)) {
        el.pause();
        this.elements.delete(id);
        this.startedAt.delete(id);
      }
    }
  }

  /** The sound clip under t the clock follows: the first by MASTER_ORDER, unmuted, with an element. */
  private pickMaster(sound: Track[], t: number): MediaClip | null {
    for (const role of MASTER_ORDER) {
      for (const track of sound) {
        if (track.role !== role || track.muted) continue;
        const clip = track.clips.find((c) => t >= c.start && t < c.start + c.duration && !c.muted);
        if (clip) return clip;
      }
    }
    return null;
  }

  /**
   * The master sound's position as timeline time, or null while there is none or it is not really
   * playing yet (paused, seeking, buffering, or not moved on from where it was started).
   */
  clockTime(): number | null {
    const m = this.master;
    if (!m || m.el.paused || m.el.seeking || m.el.readyState < 3) return null;
    if (m.el.currentTime === this.startedAt.get(m.clip.id)) return null;
    return timelineTimeOfSource(m.clip, m.el.currentTime);
  }

  /** A master sound is under the playhead but not moving yet (just started, seeking, buffering). */
  starting(): boolean {
    return this.master !== null && this.clockTime() === null;
  }

  stop(): void {
    for (const el of this.elements.values()) el.pause();
    this.master = null;
  }
}
