/**
 * The live preview's drawing loop, outside React: paused, it paints the playhead's time whenever
 * something changes (the document, the playhead, a picture or font that finished loading, a video
 * that finished seeking); playing, it runs every animation frame on one clock that follows the
 * master sound (frame-clock.ts; the wall clock when nothing is heard; on Play the picture waits up to
 * START_WAIT_MS for the sound to start) and paints only when the frame
 * of the project's grid changes, at that frame's own time (what the export renders for it). The
 * playhead moves once per frame too. Pictures come prepared (prepared-images.ts), videos from
 * VideoSync (playing: frames prepared off the main thread, video-frames.ts), unchanged text blocks
 * from layers painted once (text-layers.ts).
 */
import { projectDuration } from '../../../src-main/project/document.js';
import { mediaUrl } from '../ipc/client.js';
import { documentStore } from '../state/document/index.js';
import { useTimeline } from '../timeline/timeline-store.js';
import { AudioSync } from './audio-sync.js';
import { drawFrame } from './draw.js';
import { ensureFonts } from './fonts.js';
import { framePlan } from './frame.js';
import { clockTime, followAudio, frameIndex, frameStart, holdAt, START_WAIT_MS, type PlayClock } from './frame-clock.js';
import { FRAME_MARK } from './playback-stats.js';
import { PreparedImages } from './prepared-images.js';
import { fontNeeds } from './render-still.js';
import { TextLayers } from './text-layers.js';
import { VideoFrames } from './video-frames.js';
import { VideoSync } from './video-sync.js';

export function startPreviewLoop(canvas: HTMLCanvasElement): () => void {
  const projectId = () => documentStore.getState().projectId;
  let raf = 0;
  let clock: PlayClock | null = null;
  /** Something changed since the last paint (paused: paint; playing: paint even if the frame did not). */
  let dirty = true;
  let drawnFrame = -1;
  /** The clock followed a sound at the last frame (else the wall clock ran alone). */
  let following = false;
  /** Until then (ms), the picture waits for a sound that has not started moving (Play just pressed). */
  let waitUntil = 0;
  const schedule = () => {
    if (!raf) raf = requestAnimationFrame(tick);
  };
  const invalidate = () => {
    dirty = true;
    schedule();
  };
  const audio = new AudioSync(projectId);
  const texts = new TextLayers();
  const frames = new VideoFrames({ width: canvas.width, height: canvas.height });
  const videos = new VideoSync(projectId, invalidate, frames);
  const images = new PreparedImages((assetId) => {
    const id = projectId();
    return id ? mediaUrl(id, assetId) : null;
  }, { width: canvas.width, height: canvas.height }, invalidate);

  function tick(at: number) {
    raf = 0;
    const doc = documentStore.getState().doc;
    const ctx = canvas.getContext('2d');
    if (!doc || !ctx || !doc.output.width) return;
    const fps = doc.output.fps;
    const length = projectDuration(doc);
    const timeline = useTimeline.getState();
    let now = timeline.playhead;
    if (clock) {
      // All on the animation frames' timestamps (vsync-aligned): the sound's reading is taken back to it.
      const frameAt = Math.max(at, clock.n0);
      const heard = audio.clockTime();
      following = heard !== null;
      if (clock.rate === 1 && audio.starting() && performance.now() < waitUntil) clock = holdAt(clock, frameAt);
      else clock = followAudio(clock, heard === null ? null : heard - (performance.now() - frameAt) / 1000, frameAt);
      now = clockTime(clock, frameAt);
      if ((clock.rate > 0 && now >= length) || (clock.rate < 0 && now <= 0)) {
        now = Math.max(0, Math.min(length, now));
        timeline.setPlaying(false);
      }
    }
    // At the very end (the playhead is clamped there) show the last frame, not black.
    const shownAt = length > 0 && now >= length ? Math.max(0, length - 1 / fps) : now;
    let k = frameIndex(shownAt, fps);
    // Playing forward never steps back a frame or two (the clock easing onto the sound); a seek does.
    if (clock && clock.rate > 0 && k < drawnFrame && drawnFrame - k <= 2) k = drawnFrame;
    if (clock) {
      if (k !== drawnFrame || dirty) {
        timeline.setPlayhead(now);
        // Sound only at normal speed (J/K/L shuttling faster or backwards is silent).
        audio.update(doc, now, useTimeline.getState().playing && clock?.rate === 1);
      }
      schedule();
      if (k === drawnFrame && !dirty) return;
    }
    // Playing: the frame's own time, as the export renders it; paused: exactly the playhead.
    const shown = clock ? frameStart(k, fps) : shownAt;
    dirty = false;
    drawnFrame = k;
    // Videos play along at normal speed only; J/K/L shuttling seeks them frame by frame.
    videos.begin(doc, shown, clock !== null && clock.rate === 1);
    videos.prefetch(doc, shown);
    images.prefetch(doc, shown);
    drawFrame(ctx, framePlan(doc, shown), images.get, canvas.width / doc.output.width, videos.lookup, texts.draw);
    videos.end();
    if (window.whatifPlaybackProbe) performance.mark(FRAME_MARK, { detail: { t: shown, at, playing: clock !== null, sound: clock !== null && following, video: videos.drawn, seeks: videos.seeks } });
  }

  const onDoc = () => {
    const doc = documentStore.getState().doc;
    const fontsReady = () => {
      texts.clear();
      invalidate();
    };
    if (doc) void ensureFonts(fontNeeds(doc)).then(fontsReady, fontsReady);
    invalidate();
  };
  const unsubDoc = documentStore.subscribe((s, prev) => s.doc !== prev.doc && onDoc());
  const unsubTimeline = useTimeline.subscribe((s, prev) => {
    if (s.playing !== prev.playing || (s.playing && s.rate !== prev.rate)) {
      if (s.playing) {
        const doc = documentStore.getState().doc;
        const atEnd = doc && s.playhead >= projectDuration(doc) - 0.05 && s.rate > 0 && !prev.playing;
        const start = atEnd ? 0 : s.playhead;
        clock = { t0: start, n0: performance.now(), rate: s.rate };
        waitUntil = performance.now() + START_WAIT_MS;
        if (s.rate !== 1) audio.stop();
      } else {
        clock = null;
        audio.stop();
        videos.stop();
      }
      invalidate();
    } else if (s.playhead !== prev.playhead && !clock) invalidate();
  });
  // Re-made while playing (the preview was resized): carry on from the playhead.
  const initial = useTimeline.getState();
  if (initial.playing) clock = { t0: initial.playhead, n0: performance.now(), rate: initial.rate };
  onDoc();
  return () => {
    unsubDoc();
    unsubTimeline();
    cancelAnimationFrame(raf);
    audio.stop();
    videos.begin(null, 0, false);
    videos.end();
    images.close();
    frames.close();
    texts.clear();
  };
}
