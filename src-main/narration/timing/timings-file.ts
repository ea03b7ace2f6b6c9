/** The timings file `whatif narrate --timings` writes (format in docs/narration.md). Pure. */
import { durationOf } from '../audio/wav.js';
import type { SynthesisResult } from '../synthesize.js';
import { buildCues } from './captions.js';
import { displayWords } from './display-words.js';
import { suggestSceneDurations } from './scene-durations.js';
import { decodeMessage } from '../../messages.js';

const r3 = (t: number) => Math.round(t * 1000) / 1000;

export function buildTimingsFile(result: SynthesisResult, sceneCount = 0) {
  const duration = durationOf(result.audio);
  return {
    version: 1,
    voice: result.voiceId,
    sampleRate: result.audio.sampleRate,
    duration: r3(duration),
    wpm: result.wpm,
    wordTimings: result.wordTimings,
    sentences: result.sentences.map((s) => ({ index: s.index, text: s.text, start: r3(s.start), end: r3(s.end) })),
    words: result.words.map((w) => ({ text: w.text, sentence: w.sentence, start: r3(w.start), end: r3(w.end) })),
    cues: buildCues(displayWords(result.words, result.sentences)),
    sceneDurations: suggestSceneDurations(result.sentences, duration, sceneCount),
    warnings: result.warnings.map((w) => decodeMessage(w).text),
  };
}
