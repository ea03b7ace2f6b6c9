/** Shared by the narration tests: a generated test voice, the decoded WAV, an independent WPM measure. */
import fs from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { decodeWav, type Audio } from '../../src-main/narration/audio/wav.js';
import { speechSeconds } from '../../src-main/narration/audio/speech-time.js';
import { makeTestVoice, type TestVoiceOptions } from '../../scripts/voices/make-test-voice.js';

export function testVoice(dir: string, options: TestVoiceOptions = {}): string {
  return makeTestVoice(dir, options);
}

export function readWav(file: string): Audio {
  return decodeWav(fs.readFileSync(file), path.basename(file));
}

export async function ffprobeDuration(file: string): Promise<number> {
  const { stdout } = await execa('ffprobe', ['-v', 'error', '-show_entries', 'format=duration:stream=codec_name,sample_rate,channels', '-of', 'json', file]);
  const info = JSON.parse(stdout) as { format: { duration: string }; streams: { codec_name: string }[] };
  if (info.streams[0]?.codec_name !== 'pcm_s16le') throw new Error(`${file} is ${info.streams[0]?.codec_name}, not pcm_s16le`);
  return Number(info.format.duration);
}

/** Words per minute measured on the decoded file (speech time per speech-time.ts). */
export function wavWpm(audio: Audio, words: number): number {
  return (words / speechSeconds(audio.samples, audio.sampleRate)) * 60;
}

/** RMS of a time window of the audio. */
export function rmsBetween(audio: Audio, from: number, to: number): number {
  const a = Math.max(0, Math.floor(from * audio.sampleRate));
  const b = Math.min(audio.samples.length, Math.ceil(to * audio.sampleRate));
  let sum = 0;
  for (let i = a; i < b; i++) sum += audio.samples[i]! ** 2;
  return b > a ? Math.sqrt(sum / (b - a)) : 0;
}
