/**
 * One track of the timeline as its own Konva layer. It selects only its own clips from the document
 * store, so dragging a clip on another track (or editing a scene) does not re-render it; only clips
 * inside the visible window are drawn.
 */
import { memo } from 'react';
import { Image as KonvaImage, Layer, Rect, Shape } from 'react-konva';
import type { MediaClip, TextClip, CaptionCue } from '../../../../src-main/project/document.js';
import { laneColor, mediaTrackById, useDocument, type TrackName } from '../../state/document/index.js';
import { previewStarts } from '../../state/document/ripple.js';
import { useTimeline } from '../../timeline/timeline-store.js';
import type { TimelinePalette } from '../../timeline/palette.js';
import { ClipNode } from './ClipNode.js';
import { clipLabel } from './describe.js';
import { WordEdges } from './WordEdges.js';
import { TRACK_H, trackY } from './layout.js';
import { usePeaks, useStrip, useThumbnail } from './media-cache.js';

interface TrackLayerProps {
  track: TrackName;
  /** Row, top to bottom. */
  index: number;
  projectId: string | null;
  width: number;
  zoom: number;
  scroll: number;
  palette: TimelinePalette;
}

type AnyTrackClip = MediaClip | TextClip | CaptionCue;
const EMPTY: AnyTrackClip[] = [];
const MIN_THUMB_PX = 16;

function spanOf(clip: AnyTrackClip): { start: number; end: number } {
  return 'end' in clip ? { start: clip.start, end: clip.end } : { start: clip.start, end: clip.start + clip.duration };
}

const Thumbnail = memo(function Thumbnail({ projectId, assetId, width }: { projectId: string | null; assetId: string; width: number }) {
  const image = useThumbnail(projectId, assetId, TRACK_H);
  if (!image) return null;
  const h = TRACK_H;
  const w = (image.width / image.height) * h;
  // Tiled side by side (a filmstrip); capped so a long clip at a high zoom stays cheap to draw.
  const count = Math.min(24, Math.max(1, Math.ceil(width / w)));
  const step = w;
  return (
    <>
      {Array.from({ length: count }, (_, i) => (
        <KonvaImage key={i} image={image} x={i * step} y={0} width={w} height={h} opacity={0.85} listening={false} />
      ))}
    </>
  );
});

/** A video clip's filmstrip: each tile shows the frame nearest the source time it covers. */
const Filmstrip = memo(function Filmstrip({ projectId, clip, zoom, width }: { projectId: string | null; clip: MediaClip; zoom: number; width: number }) {
  const strip = useStrip(projectId, clip.assetId);
  if (!strip) return null;
  const h = TRACK_H;
  const w = (strip.frameWidth / strip.frameHeight) * h;
  const count = Math.min(24, Math.max(1, Math.ceil(width / w)));
  const frameAt = (x: number) => {
    const t = clip.sourceIn + (x / zoom) * clip.speed;
    let best = 0;
    strip.times.forEach((time, i) => Math.abs(time - t) < Math.abs(strip.times[best]! - t) && (best = i));
    return best;
  };
  const sw = strip.image.naturalWidth / strip.frames;
  return (
    <>
      {Array.from({ length: count }, (_, i) => (
        <KonvaImage key={i} image={strip.image} crop={{ x: frameAt(i * w + w / 2) * sw, y: 0, width: sw, height: strip.image.naturalHeight }} x={i * w} y={0} width={w} height={h} opacity={0.85} listening={false} />
      ))}
    </>
  );
});

const Waveform = memo(function Waveform({ projectId, clip, zoom }: { projectId: string | null; clip: MediaClip; zoom: number }) {
  const peaks = usePeaks(projectId, clip.assetId);
  if (!peaks) return null;
  return (
    <Shape
      listening={false}
      sceneFunc={(ctx) => {
        const width = clip.duration * zoom;
        const mid = TRACK_H / 2;
        ctx.beginPath();
        for (let px = 0; px < width; px += 2) {
          const t0 = clip.sourceIn + (px / zoom) * clip.speed;
          const i0 = Math.floor(t0 * peaks.perSecond);
          const i1 = Math.max(i0 + 1, Math.floor((t0 + (2 / zoom) * clip.speed) * peaks.perSecond));
          let max = 0;
          for (let i = i0; i < i1 && i < peaks.peaks.length; i++) max = Math.max(max, peaks.peaks[i]!);
          const h = Math.max(0.5, max * (TRACK_H / 2 - 3) * Math.min(1, clip.muted ? 0 : Math.pow(10, clip.gainDb / 20)));
          ctx.rect(px, mid - h, 1.5, h * 2);
        }
        ctx.fillStyle = '#ffffffaa';
        ctx.fill();
      }}
    />
  );
});

/** React renders per track since load: the e2e test and bench:editor check a drag re-renders one track only. */
export const trackRenders: Record<string, number> = {};
declare global {
  interface Window {
    whatifTrackRenders?: Record<string, number>;
  }
}
if (typeof window !== 'undefined') window.whatifTrackRenders = trackRenders;

export const TrackLayer = memo(function TrackLayer({ track, index, projectId, width, zoom, scroll, palette }: TrackLayerProps) {
  trackRenders[track] = (trackRenders[track] ?? 0) + 1;
  const clips = useDocument((s) => {
    if (!s.doc) return EMPTY;
    if (track === 'captions') return s.doc.tracks.captions.cues;
    if (track === 'text') return s.doc.tracks.text;
    return mediaTrackById(s.doc, track)?.clips ?? EMPTY;
  }) as AnyTrackClip[];
  const kind = useDocument((s) => (s.doc ? mediaTrackById(s.doc, track)?.kind : undefined));
  const color = useDocument((s) => (s.doc ? laneColor(s.doc, track) : '#555'));
  const assets = useDocument((s) => s.doc?.assets);
  // While a clip of this (main) track is dragged, the others make room: only this track re-renders.
  const preview = useTimeline((s) => (s.dropPreview && clips.some((c) => c.id === s.dropPreview!.id) ? s.dropPreview : null));
  const shifted = preview && kind === 'video' ? previewStarts(clips as MediaClip[], preview.id, preview.index) : null;
  const y = trackY(index);
  const visibleFrom = scroll - 1;
  const visibleTo = scroll + width / zoom + 1;
  return (
    <Layer>
      <Rect x={0} y={y} width={width} height={TRACK_H} fill={palette.row} listening={false} />
      {clips.map((clip) => {
        const base = spanOf(clip);
        const moved = shifted?.get(clip.id);
        const span = moved === undefined ? base : { start: moved, end: moved + base.end - base.start };
        if (span.end < visibleFrom || span.start > visibleTo) return null;
        const clipWidth = (span.end - span.start) * zoom;
        return (
          <ClipNode key={clip.id} id={clip.id} lane={track} palette={palette} start={span.start} end={span.end} label={clipLabel(clip, assets ?? {})} y={y} zoom={zoom} scroll={scroll} color={color}>
            {/* A picture narrower than ~a finger's width shows nothing but costs a scaled image per redraw. */}
            {kind === 'video' && 'assetId' in clip && clipWidth >= MIN_THUMB_PX && assets?.[clip.assetId]?.kind === 'video' && <Filmstrip projectId={projectId} clip={clip} zoom={zoom} width={clipWidth} />}
            {kind === 'video' && 'assetId' in clip && clipWidth >= MIN_THUMB_PX && assets?.[clip.assetId]?.kind !== 'video' && <Thumbnail projectId={projectId} assetId={clip.assetId} width={clipWidth} />}
            {kind === 'audio' && 'assetId' in clip && <Waveform projectId={projectId} clip={clip} zoom={zoom} />}
            {track === 'captions' && 'end' in clip && <WordEdges cue={clip} zoom={zoom} />}
          </ClipNode>
        );
      })}
    </Layer>
  );
});
