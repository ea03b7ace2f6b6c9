/**
 * Acceptance: `whatif narrate` with the generated test voice and with espeak-ng writes WAVs that
 * decode, whose measured words per minute is within ±10 % of the request at 120, 180 and 240, with a
 * timings file whose sentence ends match the audio within 50 ms.
 */
import fs from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readProjectFile } from '../../src-main/project/project-file.js';
import { tempDir } from '../helpers/temp-core.js';
import { ffprobeDuration, readWav, rmsBetween, testVoice, wavWpm } from './helpers.js';
import { narrationOf } from '../helpers/tracks.js';

const SCRIPT = `What if the oceans froze overnight? Ships would be trapped in place, and coastal cities would wake to a silent white plain.

Scientists would rush to explain it. Nobody would have an answer. The world would hold its breath, waiting for the thaw.`;
const WORDS = 43;

let home: string;
beforeAll(async () => {
  home = tempDir('whatif-narrate-');
  fs.writeFileSync(path.join(home, 'script.txt'), SCRIPT);
  const onnx = testVoice(path.join(home, 'gen'));
  const added = await whatif('voice', 'add', onnx);
  expect(added.exitCode, added.stderr).toBe(0);
});
afterAll(() => fs.rmSync(home, { recursive: true, force: true }));

const whatif = (...args: string[]) => execa('node', ['bin/whatif.mjs', ...args], { reject: false, env: { WHATIF_HOME: path.join(home, 'data') } });

interface Timings {
  duration: number;
  sampleRate: number;
  wpm: { requested: number; measured: number };
  sentences: { start: number; end: number; text: string }[];
  words: { text: string; start: number; end: number }[];
  cues: { start: number; end: number; text: string }[];
}

describe.each([['piper:en_US-test-medium'], ['system:en']])('whatif narrate --voice %s', (voice) => {
  it.each([120, 180, 240])('holds %i words per minute and sentence ends match the audio', async (wpm) => {
    const out = path.join(home, `${voice.replace(':', '-')}-${wpm}.wav`);
    const timingsFile = `${out}.json`;
    const run = await whatif('narrate', '--text-file', path.join(home, 'script.txt'), '--voice', voice, '--wpm', String(wpm), '-o', out, '--timings', timingsFile);
    expect(run.exitCode, run.stderr).toBe(0);

    const audio = readWav(out);
    const probed = await ffprobeDuration(out);
    const length = audio.samples.length / audio.sampleRate;
    expect(Math.abs(probed - length)).toBeLessThan(0.01);
    const measured = wavWpm(audio, WORDS);
    expect(measured).toBeGreaterThan(wpm * 0.9);
    expect(measured).toBeLessThan(wpm * 1.1);

    const timings = JSON.parse(fs.readFileSync(timingsFile, 'utf8')) as Timings;
    expect(timings.sampleRate).toBe(audio.sampleRate);
    expect(timings.sentences).toHaveLength(5);
    expect(timings.words).toHaveLength(WORDS);
    expect(Math.abs(timings.sentences[4]!.end - length)).toBeLessThan(0.05);
    for (const [i, s] of timings.sentences.entries()) {
      // the voice is heard in the last 50 ms before the sentence's end, and not in the pause after it
      expect(rmsBetween(audio, s.end - 0.05, s.end), `sentence ${i} end`).toBeGreaterThan(0.005);
      const next = timings.sentences[i + 1];
      if (next) {
        expect(rmsBetween(audio, s.end + 0.005, next.start - 0.005), `pause after sentence ${i}`).toBeLessThan(1e-4);
        expect(rmsBetween(audio, next.start, next.start + 0.05), `sentence ${i + 1} start`).toBeGreaterThan(0.005);
      }
    }
    // the paragraph break (after sentence 2) is a longer pause than a sentence break
    const gap = (i: number) => timings.sentences[i + 1]!.start - timings.sentences[i]!.end;
    expect(gap(1)).toBeGreaterThan(gap(0) * 1.5);
    expect(timings.cues.length).toBeGreaterThan(4);
    expect(timings.cues[0]!.text.startsWith('What if')).toBe(true);
  });
});

describe('whatif narrate: bad input', () => {
  it('refuses an emoji-only script, an unknown voice and a wpm out of range, writing nothing', async () => {
    const emoji = path.join(home, 'emoji.txt');
    fs.writeFileSync(emoji, '  🙂 🚀 \n\n 🌊  ');
    const out = path.join(home, 'never.wav');
    const a = await whatif('narrate', '--text-file', emoji, '--voice', 'system:en', '-o', out);
    expect(a.exitCode).not.toBe(0);
    expect(a.stderr).toMatch(/no words to read/);
    const b = await whatif('narrate', '--text-file', path.join(home, 'script.txt'), '--voice', 'nope-voice', '-o', out);
    expect(b.stderr).toMatch(/voice "nope-voice" is not installed/);
    const c = await whatif('narrate', '--text-file', path.join(home, 'script.txt'), '--voice', 'system:en', '--wpm', '300', '-o', out);
    expect(c.stderr).toMatch(/between 120 and 240/);
    expect(fs.existsSync(out)).toBe(false);
  });
});

describe('whatif narrate <project-dir>', () => {
  it("reads the project's script with a Spanish system voice into its narration and captions tracks", async () => {
    const dir = path.join(home, 'proyecto');
    expect((await whatif('project', 'new', dir, '--language', 'es')).exitCode).toBe(0);
    const file = path.join(dir, 'project.json');
    const doc = JSON.parse(fs.readFileSync(file, 'utf8')) as { narration: Record<string, unknown> };
    doc.narration = { ...doc.narration, engine: 'system', voiceId: null, language: 'es', wordsPerMinute: 150, script: '¿Y si el sol se apagara? La Tierra se enfriaría en pocas semanas.' };
    fs.writeFileSync(file, JSON.stringify(doc));
    const run = await whatif('narrate', dir);
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Narrated ".*": [\d.]+ s on the narration track, 2 caption cues/);
    const after = readProjectFile(dir);
    expect(narrationOf(after)).toHaveLength(1);
    expect(after.tracks.captions.cues.map((c) => c.text.replace(/\n/g, ' '))).toEqual(['¿Y si el sol se apagara?', 'La Tierra se enfriaría en pocas semanas.']);
    const audio = readWav(path.join(dir, after.assets[narrationOf(after)[0]!.assetId]!.file));
    expect(audio.samples.length / audio.sampleRate).toBeCloseTo(narrationOf(after)[0]!.duration, 3);
  });
});
