/**
 * Narration and music play through HTMLAudioElements that follow the preview's one clock: each
 * frame, every clip under the playhead is playing at (t - start + trimStart) with its volume and fades,
 * and is re-seeked when it drifts more than a frame or two; the others are paused.
 */
import type { AudioClip, MusicClip, ProjectDocument } from '../../../src-main/project/document.js';
import { mediaUrl } from '../ipc/client.js';

const DRIFT = 0.08;
/** Music gain while narration plays, when the clip ducks. */
export const DUCK_GAIN = 0.35;

/** Gain of an audio clip at absolute time t (volume, linear fades), pure. */
export function clipGain(clip: AudioClip, t: number): number {
  const local = t - clip.start;
  if (local < 0 || local >= clip.duration) return 0;
  let g = clip.volume;
  if (clip.fadeIn > 0) g *= Math.min(1, local / clip.fadeIn);
  if (clip.fadeOut > 0) g *= Math.min(1, (clip.duration - local) / clip.fadeOut);
  return Math.max(0, g);
}

export class AudioSync {
  private readonly elements = new Map<string, HTMLAudioElement>();

  constructor(private readonly projectId: () => string | null) {}

  private element(clip: AudioClip): HTMLAudioElement | null {
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
    const narrating = doc.tracks.narration.some((c) => t >= c.start && t < c.start + c.duration);
    const clips: (AudioClip | MusicClip)[] = [...doc.tracks.narration, ...doc.tracks.music];
    for (const clip of clips) {
      const active = playing && t >= clip.start && t < clip.start + clip.duration;
      const el = active ? this.element(clip) : this.elements.get(clip.id);
      if (!el) continue;
      live.add(clip.id);
      if (!active) {
        if (!el.paused) el.pause();
        continue;
      }
      const ducked = 'duck' in clip && clip.duck && narrating ? DUCK_GAIN : 1;
      el.volume = Math.min(1, clipGain(clip, t) * ducked);
      const want = t - clip.start + clip.trimStart;
      if (Math.abs(el.currentTime - want) > DRIFT) el.currentTime = want;
      if (el.paused) void el.play().catch(() => undefined);
    }
    for (const [id, el] of this.elements) {
      if (!live.has(id)) {
        el.pause();
        this.elements.delete(id);
      }
    }
  }

  stop(): void {
    for (const el of this.elements.values()) el.pause();
  }
}
