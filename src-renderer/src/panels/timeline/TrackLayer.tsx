/**
 * One track of the timeline as its own Konva layer. It selects only its own clips from the document
 * store, so dragging a clip on another track (or editing a scene) does not re-render it; only clips
 * inside the visible window are drawn.
 */
import { memo } from 'react';
import { Image as KonvaImage, Layer, Rect, Shape } from 'react-konva';
import type { AudioClip, ImageClip, TextClip, CaptionCue } from '../../../../src-main/project/document.js';
import { useDocument, type TrackName } from '../../state/document/index.js';
import { ClipNode } from './ClipNode.js';
import { TRACK_H, trackY, TRACKS } from './layout.js';
import { useAssetImage, usePeaks } from './media-cache.js';

interface TrackLayerProps {
  track: TrackName;
  projectId: string | null;
  width: number;
  zoom: number;
  scroll: number;
}

type AnyTrackClip = ImageClip | TextClip | CaptionCue | AudioClip;
const EMPTY: AnyTrackClip[] = [];

function spanOf(clip: AnyTrackClip): { start: number; end: number } {
  return 'end' in clip ? { start: clip.start, end: clip.end } : { start: clip.start, end: clip.start + clip.duration };
}

const Thumbnail = memo(function Thumbnail({ projectId, assetId, width }: { projectId: string | null; assetId: string; width: number }) {
  const image = useAssetImage(projectId, assetId);
  if (!image) return null;
  const h = TRACK_H;
  const w = (image.naturalWidth / image.naturalHeight) * h;
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

const Waveform = memo(function Waveform({ projectId, clip, zoom }: { projectId: string | null; clip: AudioClip; zoom: number }) {
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
          const t0 = clip.trimStart + px / zoom;
          const i0 = Math.floor(t0 * peaks.perSecond);
          const i1 = Math.max(i0 + 1, Math.floor((t0 + 2 / zoom) * peaks.perSecond));
          let max = 0;
          for (let i = i0; i < i1 && i < peaks.peaks.length; i++) max = Math.max(max, peaks.peaks[i]!);
          const h = Math.max(0.5, max * (TRACK_H / 2 - 3) * Math.min(1, clip.volume));
          ctx.rect(px, mid - h, 1.5, h * 2);
        }
        ctx.fillStyle = '#ffffffaa';
        ctx.fill();
      }}
    />
  );
});

function labelOf(track: TrackName, clip: AnyTrackClip, assetName: (id: string) => string): string {
  if ('text' in clip) return clip.text.replace(/\s+/g, ' ');
  if ('assetId' in clip) return assetName(clip.assetId);
  return '';
}

/** React renders per track since load: the e2e test and bench:editor check a drag re-renders one track only. */
export const trackRenders: Record<string, number> = {};
declare global {
  interface Window {
    whatifTrackRenders?: Record<string, number>;
  }
}
if (typeof window !== 'undefined') window.whatifTrackRenders = trackRenders;

export const TrackLayer = memo(function TrackLayer({ track, projectId, width, zoom, scroll }: TrackLayerProps) {
  trackRenders[track] = (trackRenders[track] ?? 0) + 1;
  const clips = useDocument((s) => (s.doc ? (track === 'captions' ? s.doc.tracks.captions.cues : s.doc.tracks[track]) : EMPTY)) as AnyTrackClip[];
  const assets = useDocument((s) => s.doc?.assets);
  const index = TRACKS.indexOf(track);
  const y = trackY(index);
  const visibleFrom = scroll - 1;
  const visibleTo = scroll + width / zoom + 1;
  const assetName = (id: string) => assets?.[id]?.originalName ?? '';
  return (
    <Layer>
      <Rect x={0} y={y} width={width} height={TRACK_H} fill="#ffffff08" listening={false} />
      {clips.map((clip) => {
        const span = spanOf(clip);
        if (span.end < visibleFrom || span.start > visibleTo) return null;
        const clipWidth = (span.end - span.start) * zoom;
        return (
          <ClipNode key={clip.id} id={clip.id} track={track} start={span.start} end={span.end} label={labelOf(track, clip, assetName)} y={y} zoom={zoom} scroll={scroll}>
            {track === 'images' && 'assetId' in clip && <Thumbnail projectId={projectId} assetId={clip.assetId} width={clipWidth} />}
            {(track === 'narration' || track === 'music') && 'trimStart' in clip && <Waveform projectId={projectId} clip={clip} zoom={zoom} />}
          </ClipNode>
        );
      })}
    </Layer>
  );
});
