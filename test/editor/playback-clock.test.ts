import { describe, expect, it } from 'vitest';
import { clockTime, EASE, followAudio, frameIndex, frameStart, holdAt, SNAP_DRIFT, timelineTimeOfSource } from '../../src-renderer/src/preview/frame-clock.js';
import { droppedFrames, newFrames, playbackStats, type PresentedFrame } from '../../src-renderer/src/preview/playback-stats.js';
import { preparedSize } from '../../src-renderer/src/preview/prepared-images.js';
import { framePlan, layerableText } from '../../src-renderer/src/preview/frame.js';
import { sampleDocument } from './fixture.js';

describe('the preview clock: which frame shows at which audio time', () => {
  it('runs on the wall clock at the rate, from its anchor', () => {
    const clock = { t0: 2, n0: 1000, rate: 1 };
    expect(clockTime(clock, 1500)).toBeCloseTo(2.5);
    expect(clockTime({ ...clock, rate: -2 }, 1500)).toBeCloseTo(1);
  });

  it('picks the frame of the grid a time falls in, like the frame plan', () => {
    expect(frameIndex(0, 30)).toBe(0);
    expect(frameIndex(1 / 30, 30)).toBe(1); // a frame's exact start (no float slip to the one before)
    expect(frameIndex(3 / 30, 30)).toBe(3);
    expect(frameIndex(0.0999, 30)).toBe(2);
    expect(frameIndex(frameStart(137, 25), 25)).toBe(137);
  });

  it('follows the audio: a small drift is eased in, a large one jumps, no audio leaves the clock alone', () => {
    const clock = { t0: 10, n0: 0, rate: 1 };
    // At 1 s on the wall clock the picture says 11.000 s; the audio says 11.040 s: it moves an eighth of the way.
    const eased = followAudio(clock, 11.04, 1000);
    expect(clockTime(eased, 1000)).toBeCloseTo(11 + 0.04 * EASE);
    // Repeated readings converge on the audio's time.
    let c = clock;
    for (let i = 0; i < 60; i++) c = followAudio(c, 11.04 + i * 0.016, 1000 + i * 16);
    expect(clockTime(c, 1000 + 59 * 16)).toBeCloseTo(11.04 + 59 * 0.016, 3);
    // The audio is well ahead (it was seeked): the picture jumps to it.
    const jumped = followAudio(clock, 11 + SNAP_DRIFT + 0.05, 1000);
    expect(clockTime(jumped, 1000)).toBeCloseTo(11.15);
    // Well behind (it stalled): the picture never steps back (the sound is brought to it instead).
    expect(followAudio(clock, 11 - SNAP_DRIFT - 0.05, 1000)).toBe(clock);
    // A little behind: eased, less than a frame at a time.
    expect(clockTime(followAudio(clock, 10.95, 1000), 1000)).toBeCloseTo(11 - 0.05 * EASE);
    // Held while the sound has not started: the time stays, and runs on from there.
    const held = holdAt(clock, 1000);
    expect(clockTime(held, 1000)).toBeCloseTo(11);
    expect(clockTime(held, 1500)).toBeCloseTo(11.5);
    expect(followAudio(clock, null, 1000)).toBe(clock);
    // Shuttling (J/K/L) is silent: the wall clock alone.
    expect(followAudio({ ...clock, rate: 2 }, 11.5, 1000)).toEqual({ ...clock, rate: 2 });
  });

  it('turns a sound element position into timeline time (start, source in point, speed)', () => {
    expect(timelineTimeOfSource({ start: 4, sourceIn: 1, speed: 1 }, 3)).toBe(6);
    expect(timelineTimeOfSource({ start: 4, sourceIn: 1, speed: 2 }, 3)).toBe(5);
  });
});

const at30 = (ks: number[], step = 1000 / 30): PresentedFrame[] => ks.map((k, i) => ({ at: i * step, t: k / 30 + 0.001 }));

describe('what a stretch of playback looked like', () => {
  it('counts the frames of the grid that were skipped', () => {
    expect(droppedFrames(at30([0, 1, 2, 3, 4]), 30)).toBe(0);
    expect(droppedFrames(at30([0, 1, 4, 5, 7]), 30)).toBe(3);
    // A frame drawn twice is one frame; a jump backwards (a seek) skips nothing.
    expect(droppedFrames(at30([0, 1, 1, 2, 0, 1]), 30)).toBe(0);
    expect(newFrames(at30([0, 1, 1, 2]), 30).map((f) => f.k)).toEqual([0, 1, 2]);
  });

  it('measures intervals between new frames, the worst stall and what was expected', () => {
    // Frames 0..9 one vsync pair apart, then a freeze: frame 14 comes 200 ms after frame 9.
    const frames = [...at30([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]), { at: 9 * (1000 / 30) + 200, t: 14 / 30 + 0.001 }];
    const s = playbackStats(frames, 30);
    expect(s.presented).toBe(11);
    expect(s.expected).toBe(15);
    expect(s.dropped).toBe(4);
    expect(s.p50).toBeCloseTo(1000 / 30);
    expect(s.maxStall).toBeCloseTo(200);
    expect(s.p99).toBeCloseTo(200);
    // Redraws of one frame do not shorten the intervals.
    const doubled = at30([0, 0, 1, 1, 2, 2], 1000 / 60);
    expect(playbackStats(doubled, 30).p50).toBeCloseTo(1000 / 30);
  });
});

describe('pictures prepared for the preview', () => {
  it('are scaled to twice what covers the canvas, never above their own size, keeping their shape', () => {
    // A 1080x1920 photo in a 300x533 preview: 2 x 300/1080 of it.
    expect(preparedSize({ width: 1080, height: 1920 }, { width: 300, height: 533 })).toEqual({ width: 600, height: 1067 });
    // A wide picture covers a tall canvas by its height.
    expect(preparedSize({ width: 8000, height: 2000 }, { width: 300, height: 533 })).toEqual({ width: 4264, height: 1066 });
    // Small already: kept as it is.
    expect(preparedSize({ width: 400, height: 600 }, { width: 300, height: 533 })).toEqual({ width: 400, height: 600 });
  });
});

describe('text blocks the preview paints once', () => {
  it('are the fully opaque ones (a fading block blends each part at its opacity)', () => {
    const doc = sampleDocument();
    const text = doc.tracks.text[0]!;
    const block = (t: number) => framePlan(doc, t).texts.find((b) => b.words === null)!;
    const fade = { ...text, fadeIn: 0.5, fadeOut: 0.5 };
    doc.tracks.text = [fade];
    expect(layerableText(block(fade.start + fade.duration / 2))).toBe(true);
    expect(layerableText(block(fade.start + 0.1))).toBe(false);
  });
});
