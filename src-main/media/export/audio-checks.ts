/**
 * Pure judgements on an export's sound before anything is encoded: a file with no sound, a WAV cut
 * short (its header announces more than the file holds), a clip that starts past the end of its file
 * (errors), and a clip that runs past the end of its file, so part of its slot is silent (a warning).
 */
import { wordEn, type CoreMessageKey, type MessageValues } from '../../messages.js';
import type { MediaClip } from '../../project/document.js';

/** How much longer than the file a clip may run before it is reported (frame rounding, codec padding). */
const SLACK_SECONDS = 0.1;

export interface WavLayout {
  /** Bytes of sample data the header announces (null: a streamed header with no size). */
  declaredBytes: number | null;
  /** Where the sample data starts. */
  dataOffset: number;
  /** Bytes per second of the samples. */
  byteRate: number;
}

/** Pure: the `fmt ` byte rate and `data` chunk of a RIFF/WAVE header (the first KB of the file), or null. */
export function readWavLayout(head: Buffer): WavLayout | null {
  if (head.length < 12 || head.toString('latin1', 0, 4) !== 'RIFF' || head.toString('latin1', 8, 12) !== 'WAVE') return null;
  let at = 12;
  let byteRate = 0;
  while (at + 8 <= head.length) {
    const id = head.toString('latin1', at, at + 4);
    const size = head.readUInt32LE(at + 4);
    if (id === 'fmt ' && at + 16 <= head.length) byteRate = head.readUInt32LE(at + 16);
    if (id === 'data') {
      // 0 and 0xFFFFFFFF are what streaming writers leave when they cannot seek back.
      const declared = size === 0 || size === 0xffffffff ? null : size;
      return byteRate > 0 ? { declaredBytes: declared, dataOffset: at + 8, byteRate } : null;
    }
    at += 8 + size + (size % 2);
  }
  return null;
}

/** Pure: seconds announced and seconds present when a WAV is cut short, else null. */
export function wavShortfall(layout: WavLayout, fileBytes: number): { announced: number; present: number } | null {
  if (layout.declaredBytes === null) return null;
  const present = Math.max(0, fileBytes - layout.dataOffset);
  // Less than one second missing is not worth refusing (a writer's rounding); a cut file misses more.
  if (layout.declaredBytes - present < layout.byteRate) return null;
  return { announced: layout.declaredBytes / layout.byteRate, present: present / layout.byteRate };
}

export interface AudioClipVerdict {
  /** What makes the clip unusable, as a message key and values (`{clip}` named from clip values). */
  error: { key: CoreMessageKey; values: MessageValues } | null;
  /** Part of the clip's slot is silent: how much, how long the file is, and the sentence saying so. */
  warning: { missingSeconds: number; fileSeconds: number; message: string } | null;
}

const s = (v: number): string => `${v.toFixed(1)} s`;

/**
 * Pure: whether an audio clip can sound as placed. `label` names the clip as the user sees it
 * ('narration clip 1 ("voice.wav")'), `seconds` is the file's measured length, `projectEnd` where
 * the export stops (a clip running past it is cut there anyway).
 */
export function judgeAudioClip(clip: Pick<MediaClip, 'start' | 'sourceIn' | 'duration' | 'speed'>, seconds: number, named: MessageValues, projectEnd = Infinity): AudioClipVerdict {
  if (!(seconds > 0)) return { error: { key: 'export.audioSilent', values: named }, warning: null };
  if (clip.sourceIn >= seconds - SLACK_SECONDS) {
    return { error: { key: 'export.audioStartsPast', values: { ...named, into: s(clip.sourceIn), lasts: s(seconds) } }, warning: null };
  }
  const heard = Math.max(0, Math.min(clip.duration, projectEnd - clip.start));
  const missing = clip.sourceIn + heard * clip.speed - seconds;
  if (missing > SLACK_SECONDS) {
    const message = wordEn({ key: 'export.audioPastEnd', values: { ...named, missing: s(missing), lasts: s(seconds) } });
    return { error: null, warning: { missingSeconds: Math.round(missing * 10) / 10, fileSeconds: Math.round(seconds * 10) / 10, message } };
  }
  return { error: null, warning: null };
}

