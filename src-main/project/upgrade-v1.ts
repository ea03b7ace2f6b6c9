/**
 * Format 1 → 2, pure: the fixed `images`, `narration` and `music` tracks become generic media tracks
 * (media-tracks.ts). Every v1 clip keeps its place, length and settings: an image clip's Ken Burns and
 * transition, an audio clip's trim (now `sourceIn`), volume (now `gainDb`, 0 = muted) and fades, a
 * music clip's ducking. Clips that overlapped on a v1 audio track (v1 allowed it) go to a second
 * track of the same role, so nothing is dropped. Text, captions and everything else are unchanged.
 */
import { gainToDb } from './media-tracks.js';

type Raw = Record<string, unknown>;

const isObject = (value: unknown): value is Raw => Boolean(value) && typeof value === 'object' && !Array.isArray(value);
const list = (value: unknown): Raw[] => (Array.isArray(value) ? value.filter(isObject) : []);
const num = (value: unknown, fallback: number): number => (typeof value === 'number' && Number.isFinite(value) ? value : fallback);

function imageClip(c: Raw): Raw {
  const { id, assetId, sceneId, start, duration, kenBurns, transitionIn } = c;
  return { id, assetId, ...(sceneId !== undefined ? { sceneId } : {}), start, duration, sourceIn: 0, speed: 1, kenBurns, fit: 'cover', transitionIn };
}

function audioClip(c: Raw, duck: boolean): Raw {
  const volume = num(c.volume, 1);
  return {
    id: c.id,
    assetId: c.assetId,
    start: c.start,
    duration: c.duration,
    sourceIn: num(c.trimStart, 0),
    speed: 1,
    fadeIn: num(c.fadeIn, 0),
    fadeOut: num(c.fadeOut, 0),
    gainDb: gainToDb(volume),
    muted: volume <= 0,
    duck,
  };
}

/** Spreads clips over as few tracks as keep them from overlapping (v1 audio clips could overlap). */
function lanes(clips: Raw[]): Raw[][] {
  const out: Raw[][] = [];
  const sorted = [...clips].sort((a, b) => num(a.start, 0) - num(b.start, 0));
  for (const clip of sorted) {
    const start = num(clip.start, 0);
    const lane = out.find((l) => {
      const last = l[l.length - 1]!;
      return num(last.start, 0) + num(last.duration, 0) <= start + 1e-6;
    });
    if (lane) lane.push(clip);
    else out.push([clip]);
  }
  return out.length ? out : [[]];
}

export function upgradeV1toV2(doc: Raw): Raw {
  const tracks = isObject(doc.tracks) ? doc.tracks : {};
  const audioTracks = (role: 'narration' | 'music', clips: Raw[]) =>
    lanes(clips).map((laneClips, i) => ({ id: i === 0 ? role : `${role}-${i + 1}`, kind: 'audio', role, muted: false, clips: laneClips }));
  const media = [
    { id: 'main', kind: 'video', role: 'main', muted: false, clips: list(tracks.images).map(imageClip) },
    { id: 'overlay-1', kind: 'video', role: 'overlay', muted: false, clips: [] },
    { id: 'overlay-2', kind: 'video', role: 'overlay', muted: false, clips: [] },
    ...audioTracks('narration', list(tracks.narration).map((c) => audioClip(c, false))),
    ...audioTracks('music', list(tracks.music).map((c) => audioClip(c, c.duck === true))),
    { id: 'effects', kind: 'audio', role: 'effects', muted: false, clips: [] },
  ];
  const assets = isObject(doc.assets) ? doc.assets : {};
  const upgradedAssets = Object.fromEntries(Object.entries(assets).map(([key, a]) => [key, isObject(a) && a.kind === 'audio' ? { ...a, hasAudio: true } : a]));
  return { ...doc, assets: upgradedAssets, tracks: { media, text: tracks.text, captions: tracks.captions } };
}
