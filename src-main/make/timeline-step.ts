/**
 * The automatic mode's timeline: each scene's clip re-placed with its own Ken Burns move and a
 * transition that fits (through placeSceneImage, the one helper that writes image clips), and the
 * on-screen title over the first seconds, and a sound the user brought as the music bed (music-bed.ts).
 * Captions come from the narration already.
 */
import type { Core } from '../core.js';
import { placeSceneImage } from '../images/timeline-place.js';
import { DEFAULT_TEXT_STYLE, projectDuration, type TextClip } from '../project/document.js';
import { withMusicBed } from './music-bed.js';
import { kenBurnsFor, transitionFor } from './timeline-plan.js';

const TITLE_ID = 'make-title';

/** Returns the name of the sound laid as the music bed, or null. */
export function styleTimeline(core: Core, projectId: string, title: string): string | null {
  let musicName: string | null = null;
  core.projects.update(projectId, (doc) => {
    const durations = doc.scenes.map((s) => s.duration);
    let next = doc;
    doc.scenes.forEach((scene, i) => {
      const asset = scene.imageAssetId ? next.assets[scene.imageAssetId] : undefined;
      if (asset) next = placeSceneImage(next, scene.id, asset, { kenBurns: kenBurnsFor(i), transitionIn: transitionFor(i, durations) });
    });
    const length = projectDuration(next);
    const bed = withMusicBed(next, length);
    next = bed.doc;
    musicName = bed.music ? (bed.music.originalName ?? null) : null;
    const duration = Math.min(3, durations[0] ?? 3, length);
    if (!title.trim() || duration <= 0.5) return next;
    const clip: TextClip = {
      id: TITLE_ID,
      text: title.trim().slice(0, 500),
      start: 0,
      duration,
      style: { ...DEFAULT_TEXT_STYLE, size: 84 },
      position: { preset: 'top', x: 0.5, y: 0.2 },
      align: 'center',
      maxWidth: 0.88,
      fadeIn: 0.2,
      fadeOut: Math.min(0.4, duration / 4),
    };
    return { ...next, tracks: { ...next.tracks, text: [...next.tracks.text.filter((t) => t.id !== TITLE_ID), clip] } };
  });
  return musicName;
}
