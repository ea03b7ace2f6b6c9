/**
 * The preview's playback clock (pure, no DOM): media time from a wall-clock anchor, kept on the
 * audio's time when a sound is playing (the audio is the master: the picture follows the sound, never
 * the other way), and which frame of the project's grid to show at that time. The player draws only
 * when that frame changes.
 */

export interface PlayClock {
  /** Media seconds at the anchor. */
  t0: number;
  /** performance.now() (ms) at the anchor. */
  n0: number;
  /** Media seconds per second: 1 plays, 2 and 4 shuttle, negative plays backwards. */
  rate: number;
}

/** Drift past which the clock jumps to the audio's time (a seek, an element that started late). */
export const SNAP_DRIFT = 0.1;
/** The part of a smaller drift taken in at each reading: the picture eases onto the sound. */
export const EASE = 0.125;

/** Media seconds on the clock at `now` (ms). */
export function clockTime(clock: PlayClock, now: number): number {
  return clock.t0 + (clock.rate * (now - clock.n0)) / 1000;
}

/** How long (ms) the picture waits for the sound to start when Play is pressed. */
export const START_WAIT_MS = 300;

/**
 * The clock re-anchored on the audio master's time `audio` (media seconds, read at `now`): the sound
 * ahead by more than SNAP_DRIFT makes the picture jump to it; a smaller drift either way is eased in
 * EASE at a time (so the audio clock's own reading jitter does not shake the picture); the sound
 * behind by more leaves the picture alone (it never steps back: the sound is brought to it, see
 * audio-sync.ts). `audio` null (no sound under the playhead, muted, shuttling) leaves the wall clock
 * running on its own.
 */
export function followAudio(clock: PlayClock, audio: number | null, now: number): PlayClock {
  if (audio === null || clock.rate !== 1 || !Number.isFinite(audio)) return clock;
  const drift = audio - clockTime(clock, now);
  if (drift > SNAP_DRIFT) return { t0: audio, n0: now, rate: clock.rate };
  if (drift < -SNAP_DRIFT) return clock;
  return { t0: clockTime(clock, now) + drift * EASE, n0: now, rate: clock.rate };
}

/** The clock held at its time at `now` (the picture waits: Play pressed, the sound not started yet). */
export function holdAt(clock: PlayClock, now: number): PlayClock {
  return { t0: clockTime(clock, now), n0: now, rate: clock.rate };
}

/** The frame of the project's grid that shows at media time t (the frame plan's own rounding). */
export function frameIndex(t: number, fps: number): number {
  return Math.floor(t * fps + 1e-6);
}

/** The media time a frame of the grid starts at. */
export function frameStart(k: number, fps: number): number {
  return k / fps;
}

/**
 * The sound clip's playback position (element seconds) as timeline time: the inverse of the audio
 * sync's `want = (t - start) * speed + sourceIn`.
 */
export function timelineTimeOfSource(clip: { start: number; sourceIn: number; speed: number }, sourceSeconds: number): number {
  return clip.start + (sourceSeconds - clip.sourceIn) / clip.speed;
}
