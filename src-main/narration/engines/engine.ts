/**
 * The one engine interface every voice sits behind (Piper, system voices, ElevenLabs). Engines that
 * read sentence by sentence implement `synthesize`; an engine that reads whole chunks and returns its
 * own exact word timings (ElevenLabs) implements `synthesizeScript` instead.
 */
import type { Audio } from '../audio/wav.js';
import type { ScriptSentence } from '../script.js';
import type { RateModel } from '../timing/wpm.js';
import type { TimedWord } from '../timing/word-timings.js';
import type { SentenceTiming } from '../timing/scene-durations.js';

export type EngineKind = 'piper' | 'system' | 'elevenlabs';

export interface ScriptAudio {
  audio: Audio;
  sentences: SentenceTiming[];
  words: TimedWord[];
  wordTimings: 'exact' | 'estimated';
  warnings: string[];
}

export interface ScriptOptions {
  wpm: number;
  sentenceSilence: number;
  signal?: AbortSignal | undefined;
  progress?: ((done: number, total: number) => void) | undefined;
}

export interface NarrationEngine {
  kind: EngineKind;
  voiceId: string;
  /** For messages: "Piper voice en_US-lessac-medium". */
  label: string;
  /** BCP 47 language for Intl.Segmenter. */
  language: string;
  /** How words per minute map to this engine's rate (absent: the engine maps it itself). */
  rate?: RateModel;
  /** A key identifying the engine build + voice file, for the calibration cache. */
  calibrationKey?: string;
  /** Checks before any audio is made (phonemes known, key present ...). */
  prepare?(text: string, signal?: AbortSignal): Promise<void>;
  synthesize?(text: string, rate: number, signal?: AbortSignal): Promise<Audio>;
  synthesizeScript?(sentences: ScriptSentence[], options: ScriptOptions): Promise<ScriptAudio>;
}
