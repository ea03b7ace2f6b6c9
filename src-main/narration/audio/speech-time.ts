/**
 * Speech time, the denominator of measured words per minute: the audio's length minus its silences.
 * Method (documented in docs/narration.md): 10 ms frames; a frame is silent when its RMS is below
 * -40 dB relative to the loudest frame; only runs of silent frames of at least 150 ms count as silence
 * (shorter gaps are stop consonants and belong to speech). Pure, unit tested on synthetic signals.
 */
export interface SpeechSpan {
  start: number;
  end: number;
}

const FRAME_S = 0.01;
const MIN_SILENCE_S = 0.15;
const THRESHOLD_DB = -40;

function frameRms(samples: Float32Array, sampleRate: number): number[] {
  const frame = Math.max(1, Math.round(sampleRate * FRAME_S));
  const out: number[] = [];
  for (let start = 0; start < samples.length; start += frame) {
    const end = Math.min(samples.length, start + frame);
    let sum = 0;
    for (let i = start; i < end; i++) sum += samples[i]! * samples[i]!;
    out.push(Math.sqrt(sum / (end - start)));
  }
  return out;
}

/** The spans of speech (seconds), silences of at least 150 ms removed. */
export function speechSpans(samples: Float32Array, sampleRate: number): SpeechSpan[] {
  const rms = frameRms(samples, sampleRate);
  const loudest = Math.max(0, ...rms);
  if (loudest <= 0) return [];
  const threshold = loudest * 10 ** (THRESHOLD_DB / 20);
  const minSilentFrames = Math.round(MIN_SILENCE_S / FRAME_S);
  const spans: SpeechSpan[] = [];
  let spanStart: number | null = null;
  let silentRun = 0;
  for (let i = 0; i < rms.length; i++) {
    const voiced = rms[i]! >= threshold;
    if (voiced) {
      if (spanStart === null) spanStart = i;
      silentRun = 0;
    } else if (spanStart !== null) {
      silentRun++;
      if (silentRun >= minSilentFrames) {
        spans.push({ start: spanStart * FRAME_S, end: (i - silentRun + 1) * FRAME_S });
        spanStart = null;
        silentRun = 0;
      }
    }
  }
  if (spanStart !== null) spans.push({ start: spanStart * FRAME_S, end: Math.min(rms.length - silentRun, rms.length) * FRAME_S });
  const total = samples.length / sampleRate;
  return spans.map((s) => ({ start: Math.min(s.start, total), end: Math.min(s.end, total) }));
}

export function speechSeconds(samples: Float32Array, sampleRate: number): number {
  return speechSpans(samples, sampleRate).reduce((sum, s) => sum + (s.end - s.start), 0);
}

/** Words per minute of speech: words ÷ speech time (silences excluded). */
export function measuredWpm(words: number, samples: Float32Array, sampleRate: number): number {
  const seconds = speechSeconds(samples, sampleRate);
  return seconds > 0 ? (words / seconds) * 60 : 0;
}
