/** The pure parts of narration: script splitting, speech time, WPM mapping, timings, captions, scenes, WAV, ONNX metadata, ElevenLabs mapping. */
import { describe, expect, it } from 'vitest';
import { concatSamples, decodeWav, encodeWav, peakNormalise, silence } from '../../src-main/narration/audio/wav.js';
import { measuredWpm, speechSeconds, speechSpans } from '../../src-main/narration/audio/speech-time.js';
import { chunkSentences, elevenLabsSpeed } from '../../src-main/narration/elevenlabs/chunks.js';
import { describeElevenLabsError } from '../../src-main/narration/elevenlabs/client.js';
import { metadataPropsBytes, tokensFile } from '../../src-main/narration/piper/onnx-metadata.js';
import { espeakDataDir, missingPhonemes, resolveEspeakVoice } from '../../src-main/narration/piper/phonemes.js';
import { MAX_SCRIPT_CHARS, splitScript } from '../../src-main/narration/script.js';
import { correctRate } from '../../src-main/narration/synthesize.js';
import { buildCues, wrapWords } from '../../src-main/narration/timing/captions.js';
import { displayWords } from '../../src-main/narration/timing/display-words.js';
import { suggestSceneDurations } from '../../src-main/narration/timing/scene-durations.js';
import { estimateWordTimings, wordsFromAlignment } from '../../src-main/narration/timing/word-timings.js';
import { fitCalibration, rateForWpm, type RateModel } from '../../src-main/narration/timing/wpm.js';
import { espeakArgs, sapiScript, sayArgs } from '../../src-main/narration/system/system-commands.js';
import { applySceneDurations, placeNarration, projectVoiceId } from '../../src-main/narration/project-narration.js';
import { captionsPastEnd, createEmptyDocument, DEFAULT_TEXT_STYLE, makeClip } from '../../src-main/project/document.js';
import { timelineIssues } from '../../src-main/project/timeline.js';
import onnxProto from 'onnx-proto';

const tone = (seconds: number, rate = 8000) => Float32Array.from({ length: Math.round(seconds * rate) }, (_, i) => 0.5 * Math.sin((2 * Math.PI * 440 * i) / rate));

describe('script', () => {
  it('splits paragraphs, sentences and words for English and Spanish', () => {
    const s = splitScript('What if? Mr. Smith stayed home.\n\n  ¡Hola, mundo! ¿Qué tal?  ', 'es');
    expect(s.map((x) => x.text)).toEqual(['What if?', 'Mr. Smith stayed home.', '¡Hola, mundo!', '¿Qué tal?']);
    expect(s.map((x) => x.paragraphEnd)).toEqual([false, true, false, true]);
    expect(s[2]!.words).toEqual(['Hola', 'mundo']);
    expect(s.map((x) => x.index)).toEqual([0, 1, 2, 3]);
  });
  it('drops emoji-only sentences and refuses empty or over-long scripts', () => {
    expect(splitScript('🚀🚀. Go now.', 'en').map((x) => x.text)).toEqual(['Go now.']);
    expect(() => splitScript(' \n\t ', 'en')).toThrow(/no words to read/);
    expect(() => splitScript('🙂 🙃 — …', 'en')).toThrow(/no words to read/);
    expect(() => splitScript('a'.repeat(MAX_SCRIPT_CHARS + 1), 'en')).toThrow(/limit is 100,000/);
  });
});

describe('speech time', () => {
  it('excludes silences of 150 ms or more and keeps shorter gaps', () => {
    const rate = 8000;
    const samples = concatSamples([tone(1, rate), silence(0.5, rate), tone(0.5, rate), silence(0.1, rate), tone(0.5, rate), silence(0.3, rate)]);
    expect(speechSpans(samples, rate)).toHaveLength(2);
    expect(speechSeconds(samples, rate)).toBeCloseTo(2.1, 1);
    expect(measuredWpm(7, samples, rate)).toBeCloseTo((7 / 2.1) * 60, -1);
    expect(speechSeconds(new Float32Array(800), rate)).toBe(0);
  });
});

describe('words per minute', () => {
  const piper: RateModel = { kind: 'inverse', min: 0.5, max: 2, calibrationRates: [1], name: 'length_scale' };
  const espeak: RateModel = { kind: 'linear', min: 80, max: 450, calibrationRates: [130, 230], name: '-s' };
  it('maps to length_scale through one calibration point, clamped to 0.5–2', () => {
    const cal = fitCalibration(piper, [{ rate: 1, wpm: 160 }]);
    expect(rateForWpm(piper, cal, 120).rate).toBeCloseTo(160 / 120);
    expect(rateForWpm(piper, cal, 240)).toMatchObject({ rate: 160 / 240, clamped: false });
    const slow = fitCalibration(piper, [{ rate: 1, wpm: 400 }]);
    expect(rateForWpm(piper, slow, 120)).toMatchObject({ rate: 2, clamped: true, expectedWpm: 200 });
  });
  it('maps to a linear rate flag through two points, and corrects a miss', () => {
    const cal = fitCalibration(espeak, [{ rate: 130, wpm: 120 }, { rate: 230, wpm: 200 }]);
    expect(rateForWpm(espeak, cal, 160).rate).toBeCloseTo(180);
    expect(correctRate(espeak, cal, 180, 150, 160)).toBeCloseTo(192.5);
    expect(correctRate(piper, fitCalibration(piper, [{ rate: 1, wpm: 160 }]), 1, 150, 160)).toBeCloseTo(0.9375);
  });
});

describe('timings', () => {
  it('estimates words inside the speech span by letters + 1', () => {
    const w = estimateWordTimings(['I', 'am', 'here'], 0.1, 1.1, 0, 10);
    expect(w.map((x) => [x.start, x.end].map((t) => Math.round(t * 1000) / 1000))).toEqual([[10.1, 10.3], [10.3, 10.6], [10.6, 11.1]]);
  });
  it('takes exact word times from a character alignment', () => {
    const chars = [...'Hi, you.'];
    const alignment = { characters: chars, character_start_times_seconds: chars.map((_, i) => i * 0.1), character_end_times_seconds: chars.map((_, i) => i * 0.1 + 0.1) };
    const w = wordsFromAlignment([{ text: 'Hi', sentence: 0 }, { text: 'you', sentence: 0 }], alignment, 5);
    expect(w.map((x) => [x.text, +x.start.toFixed(2), +x.end.toFixed(2)])).toEqual([['Hi', 5, 5.2], ['you', 5.4, 5.7]]);
  });
  it('shows words as written, punctuation and hyphenated runs kept', () => {
    const words = ['Rock', 'and', 'roll', 'lives'].map((text, i) => ({ text, start: i, end: i + 1, sentence: 0 }));
    const shown = displayWords(words, [{ index: 0, text: '"Rock-and-roll" lives!', start: 0, end: 4 }]);
    expect(shown.map((w) => [w.display, w.start, w.end])).toEqual([['"Rock-and-roll"', 0, 3], ['lives!', 3, 4]]);
  });
});

describe('captions', () => {
  it('wraps into lines, keeps cues inside a sentence, respects max duration and min duration', () => {
    expect(wrapWords(['one', 'two', 'three', 'four'], 9)).toEqual(['one two', 'three', 'four']);
    const words = 'a quick brown fox jumps over the lazy dog again and again'.split(' ').map((text, i) => ({ text, start: i * 0.5, end: i * 0.5 + 0.4, sentence: i < 9 ? 0 : 1 }));
    const cues = buildCues(words, { maxCharsPerLine: 12, maxLines: 2, minDuration: 1, maxDuration: 2 });
    for (const cue of cues) {
      expect(cue.text.split('\n').every((l) => l.length <= 12)).toBe(true);
      expect(cue.text.split('\n').length).toBeLessThanOrEqual(2);
    }
    expect(cues.find((c) => c.text.includes('dog'))!.text).not.toMatch(/again/); // sentence break
    expect(cues.flatMap((c) => c.words!.map((w) => w.text)).join(' ')).toBe(words.map((w) => w.text).join(' '));
    for (let i = 1; i < cues.length; i++) expect(cues[i]!.start).toBeGreaterThanOrEqual(cues[i - 1]!.end);
  });
});

describe('scene durations', () => {
  const sentences = [0, 1, 2, 3, 4].map((i) => ({ index: i, text: `s${i}`, start: i * 2, end: i * 2 + 1.7 }));
  it('gives one scene per sentence without scenes, adding up to the audio', () => {
    const s = suggestSceneDurations(sentences, 9.7);
    expect(s.map((x) => x.duration)).toEqual([2, 2, 2, 2, 1.7]);
  });
  it('shares sentences into N scenes in order', () => {
    const s = suggestSceneDurations(sentences, 9.7, 2);
    expect(s).toHaveLength(2);
    expect(s.flatMap((x) => x.sentences)).toEqual([0, 1, 2, 3, 4]);
    expect(s[0]!.duration + s[1]!.duration).toBeCloseTo(9.7);
    expect(suggestSceneDurations(sentences, 9.7, 9)).toHaveLength(5);
  });
  it('applies them to scenes and their image clips', () => {
    const doc = createEmptyDocument({ id: 'p', name: 'P', now: 'now' });
    doc.scenes = [1, 2].map((n) => ({ id: `s${n}`, prompt: '', negativePrompt: '', model: 'm', imageAssetId: null, duration: 4 }));
    const next = applySceneDurations(doc, suggestSceneDurations(sentences, 9.7, 2));
    expect(next.scenes.map((s) => s.duration).reduce((a, b) => a + b)).toBeCloseTo(9.7);
    expect(projectVoiceId(doc)).toBe('system:en');
    // images not tied to scenes that end before the voice: the narration is placed, the captions after the images kept
    const short = { ...doc, scenes: [], assets: { a: { id: 'a', kind: 'image' as const, file: 'assets/a.jpg', mime: 'image/jpeg', bytes: 1, source: 'import' as const } } };
    short.tracks = { ...doc.tracks, media: doc.tracks.media.map((t) => (t.role === 'main' ? { ...t, clips: [makeClip({ id: 'c', assetId: 'a', start: 0, duration: 2 })] } : t)) };
    const words = ['one', 'two'].map((text, i) => ({ text, start: i * 3, end: i * 3 + 1, sentence: i }));
    const result = { audio: { samples: new Float32Array(8000 * 5), sampleRate: 8000 }, sentences: [{ index: 0, text: 'one.', start: 0, end: 1 }, { index: 1, text: 'two.', start: 3, end: 4 }], words, wordTimings: 'estimated' as const, warnings: [], voiceId: 'system:en', wpm: { requested: 150, measured: 150, rate: 1, rateName: null } };
    const asset = { id: 'n', kind: 'audio' as const, file: 'assets/n.wav', mime: 'audio/wav', bytes: 1, source: 'narration' as const };
    const placed = placeNarration(short, result, asset, { applyScenes: true }).doc;
    expect(placed.tracks.captions.cues.map((c) => c.start)).toEqual([0, 3]);
    expect(captionsPastEnd(placed)).toBe(1);
    // Narrating again keeps a caption the user edited; the fresh cues it overlaps are left out.
    const edited = { ...placed, tracks: { ...placed.tracks, captions: { ...placed.tracks.captions, cues: placed.tracks.captions.cues.map((c, i) => (i === 0 ? { ...c, text: 'ONE!', edited: true } : c)) } } };
    const again = placeNarration(edited, result, asset, { applyScenes: true }).doc;
    expect(again.tracks.captions.cues.map((c) => c.text)).toEqual(['ONE!', 'two.']);
    expect(new Set(again.tracks.captions.cues.map((c) => c.id)).size).toBe(2);
    expect(projectVoiceId({ ...doc, narration: { ...doc.narration, engine: 'piper', voiceId: 'en_US-x-low' } })).toBe('piper:en_US-x-low');
  });
});

describe('scene lengths that follow the narration, with text on the picture', () => {
  it('moves a text overlay with its scene and keeps it inside the new length (the project stays valid)', () => {
    const doc = createEmptyDocument({ id: 'p', name: 'P', now: 'now' });
    doc.assets = { a: { id: 'a', kind: 'image', file: 'assets/a.jpg', mime: 'image/jpeg', bytes: 1, source: 'import' } };
    doc.scenes = [1, 2, 3, 4].map((n) => ({ id: `s${n}`, prompt: '', negativePrompt: '', model: 'm', imageAssetId: 'a', duration: 3 }));
    doc.tracks = { ...doc.tracks, media: doc.tracks.media.map((t) => (t.role === 'main' ? { ...t, clips: doc.scenes.map((s, i) => makeClip({ id: `c${i + 1}`, assetId: 'a', start: i * 3, duration: 3, sceneId: s.id })) } : t)) };
    const style = { ...DEFAULT_TEXT_STYLE };
    const text = (id: string, start: number, duration: number) => ({ id, text: id, start, duration, style, position: { preset: 'center' as const, x: 0.5, y: 0.5 }, align: 'center' as const, maxWidth: 0.8, fadeIn: 0, fadeOut: 0 });
    doc.tracks.text = [text('on scene 2', 3.5, 2), text('on scene 4', 10, 2)];
    expect(timelineIssues(doc)).toEqual([]);
    const next = applySceneDurations(doc, [2, 2, 2, 1.4].map((duration, i) => ({ scene: i, sentences: [i], start: i * 2, duration })));
    expect(next.tracks.text.map((t) => [t.start, t.duration])).toEqual([[2.5, 2], [7, 0.4]]); // 1 s into scene 4 still, shortened at the new end
    expect(timelineIssues(next)).toEqual([]);
  });
});

describe('WAV', () => {
  it('round-trips 16-bit PCM and peak-normalises', () => {
    const wav = encodeWav({ samples: peakNormalise(Float32Array.from([0, 0.25, -0.5, 0.1])), sampleRate: 16000 });
    expect(wav.length).toBe(44 + 8);
    const back = decodeWav(wav);
    expect(back.sampleRate).toBe(16000);
    expect(Math.max(...Array.from(back.samples, Math.abs))).toBeCloseTo(0.891, 3);
    expect(() => decodeWav(Buffer.from('not a wav file at all'))).toThrow(/not a WAV file/);
  });
});

describe('Piper files', () => {
  it('appends metadata_props an ONNX reader sees', () => {
    const { onnx } = onnxProto;
    const base = Buffer.from(onnx.ModelProto.encode(onnx.ModelProto.create({ irVersion: 7, producerName: 'x' })).finish());
    const decoded = onnx.ModelProto.decode(Buffer.concat([base, metadataPropsBytes({ comment: 'piper', sample_rate: '22050', voice: 'es-419' })]));
    expect(decoded.producerName).toBe('x');
    expect(decoded.metadataProps.map((p) => [p.key, p.value])).toEqual([['comment', 'piper'], ['sample_rate', '22050'], ['voice', 'es-419']]);
  });
  it("maps a voice's espeak name to the one this espeak-ng data has, or refuses the language", () => {
    const data = espeakDataDir();
    expect(['en-us', 'en-gb', 'en-gb-x-rp', 'es', 'es-419', 'es-mx'].map((v) => resolveEspeakVoice(v, data, 'v'))).toEqual(['en-US', 'en', 'en-GB-x-rp', 'es', 'es-419', 'es-419']);
    expect(() => resolveEspeakVoice('xx-yy', data, 'v')).toThrow(/does not know/);
  });
  it('writes tokens.txt and finds phonemes missing from the map', () => {
    expect(tokensFile({ _: [0], ' ': [3], a: [14] })).toBe('_ 0\n  3\na 14\n');
    expect(missingPhonemes('ðə kˈæt\n', { ə: [1], k: [2], ˈ: [3], æ: [4], t: [5] })).toEqual(['ð']);
  });
});

describe('system voices', () => {
  it('passes the rate to each platform', () => {
    expect(espeakArgs('es', 181.6)).toEqual(['-v', 'es', '-s', '182', '--stdout', '--stdin']);
    expect(sayArgs(150, '/t/o.wav', '/t/o.txt')).toEqual(['-r', '150', '--file-format=WAVE', '--data-format=LEI16@22050', '-o', '/t/o.wav', '-f', '/t/o.txt']);
    expect(sapiScript(14, 'es', "C:\\o'.wav", 'C:\\t.txt')).toMatch(/\$s\.Rate = 10; .*SetOutputToWaveFile\('C:\\o''\.wav'\)/);
  });
});

describe('ElevenLabs mapping', () => {
  it('packs whole sentences within the limit and never across a paragraph', () => {
    const s = splitScript('One two three. Four five six. Seven.\n\nEight nine.', 'en');
    expect(chunkSentences(s, 30).map((c) => c.map((x) => x.index))).toEqual([[0, 1], [2], [3]]);
    expect(() => chunkSentences(s, 10)).toThrow(/Sentence 1 is 14 characters long/);
  });
  it('maps wpm to speed 0.7–1.2 and explains errors', () => {
    expect(elevenLabsSpeed(150)).toEqual({ speed: 1, clamped: false });
    expect(elevenLabsSpeed(120)).toEqual({ speed: 0.8, clamped: false });
    expect(elevenLabsSpeed(240)).toEqual({ speed: 1.2, clamped: true });
    expect(describeElevenLabsError(401, '{"detail":{"status":"invalid_api_key","message":"x"}}')).toMatch(/not valid/);
    expect(describeElevenLabsError(422, '{"detail":[{"loc":["body","text"],"msg":"Field required"}]}')).toBe('Field required');
    expect(describeElevenLabsError(500, 'oops')).toBeUndefined();
  });
});
