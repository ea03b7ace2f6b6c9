/**
 * Loudness normalisation, pure: the export aims at -14 LUFS integrated (the level the big short-video
 * apps play at) with true peaks under -1 dBTP. Integrated loudness is measured by ffmpeg's `ebur128`
 * filter (ITU BS.1770, the same meter the tests use); one gain brings the mix to the target and a
 * look-ahead limiter at 4x oversampling holds true peaks near -2 dBTP. The limiter takes some
 * loudness from peaky material, so the export measures its output and adds that back (at most a few
 * rounds, see render-audio.ts). Those rounds run the limiter without oversampling: on the demo the
 * integrated loudness it leaves is the same to 0.1 LU at about half the cost, and only the final
 * pass, which is encoded, needs the true-peak accuracy. Unlike loudnorm's two-pass mode this never
 * falls back to dynamic compression, which undershot on short, peaky speech (-14.9 LUFS on the demo).
 */

export const TARGET_LUFS = -14;
/** Below this the mix is (nearly) silent: there is nothing to normalise, and a gain would lift noise. */
export const QUIET_LUFS = -60;
/** A round is good enough when it lands this close to the target. */
export const TOLERANCE_LU = 0.25;

/** Measures integrated loudness without changing the audio; frame lines go to the verbose log level. */
export const MEASURE_FILTER = 'ebur128=framelog=verbose';

/** The integrated loudness (LUFS) from ebur128's summary in ffmpeg's stderr, or null when absent. */
export function parseIntegratedLoudness(stderr: string): number | null {
  const summary = stderr.lastIndexOf('Summary:');
  if (summary < 0) return null;
  const match = /I:\s+(-?[\d.]+|-inf) LUFS/.exec(stderr.slice(summary));
  if (!match) return null;
  const value = match[1] === '-inf' ? -Infinity : Number(match[1]);
  return Number.isNaN(value) ? null : value;
}

const LIMITER = 'alimiter=limit=0.79:attack=5:release=60:level=0:latency=1';

/**
 * The filter that normalises a mix measured at `integratedLufs`, plus `correctionDb` the limiter took
 * on an earlier round. `estimate` leaves out the 4x oversampling (for the measuring rounds). A
 * (nearly) silent mix is passed through unchanged.
 */
export function normaliseFilter(integratedLufs: number, correctionDb = 0, estimate = false): string {
  if (!(integratedLufs > QUIET_LUFS)) return 'anull';
  const gain = `volume=${(TARGET_LUFS - integratedLufs + correctionDb).toFixed(2)}dB`;
  return estimate ? `${gain},${LIMITER}` : `${gain},aresample=192000,${LIMITER},aresample=48000`;
}

/** One normalising round: the correction it used and the loudness it measured. */
export interface Round {
  correctionDb: number;
  outputLufs: number | null;
}

/**
 * After the rounds so far: whether the last one is close enough, and the correction for the next.
 * Extra gain is partly eaten by the limiter (on the demo's speech +1.3 dB gave +0.6 LU), so from the
 * second round on the step follows the measured slope (a secant step), bounded so a strange
 * measurement cannot blow the gain up.
 */
export function nextRound(rounds: readonly Round[]): { done: boolean; correctionDb: number } {
  const last = rounds.at(-1);
  if (!last) return { done: false, correctionDb: 0 };
  if (last.outputLufs === null || !(last.outputLufs > QUIET_LUFS)) return { done: true, correctionDb: last.correctionDb };
  const missed = TARGET_LUFS - last.outputLufs;
  if (Math.abs(missed) < TOLERANCE_LU) return { done: true, correctionDb: last.correctionDb };
  const prev = rounds.at(-2);
  let slope = 1;
  if (prev?.outputLufs != null && Math.abs(last.correctionDb - prev.correctionDb) > 1e-6) {
    slope = Math.max(0.2, Math.min(1, (last.outputLufs - prev.outputLufs) / (last.correctionDb - prev.correctionDb)));
  }
  return { done: false, correctionDb: Math.max(-3, Math.min(8, last.correctionDb + missed / slope)) };
}
