/**
 * Builds resources/sample/: the bundled "What if...?" demo project (about 60 s, 10 scenes) in the
 * app's own project format. Images are procedural art (./art.ts), the narration is espeak-ng, the
 * music is synthesised (./music.ts); word timings for the captions are spread over each sentence by
 * length. Run: node bin/run-ts.mjs scripts/sample/make-sample.ts  (needs ffmpeg and espeak-ng).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { resolveBinary } from '../../src-main/platform/binaries.js';
import { probeMedia } from '../../src-main/media/ffmpeg/probe.js';
import { storeAssetBuffer, storeAssetFile } from '../../src-main/project/assets.js';
import { createEmptyDocument, DEFAULT_TEXT_STYLE, gainToDb, makeClip, type Transition, type WordTiming } from '../../src-main/project/document.js';
import { writeProjectFile } from '../../src-main/project/project-file.js';
import { renderArt, type ArtSpec } from './art.js';
import { synthMusic, wavBuffer } from './music.js';
import { imagesOf, musicOf, narrationOf } from '../../test/helpers/tracks.js';

const OUT = path.resolve(process.argv[2] ?? 'resources/sample');
const SCENE_SECONDS = 6;
const W = 1080;
const H = 1920;

interface SceneSpec {
  line: string;
  art: ArtSpec;
  from: [number, number, number];
  to: [number, number, number];
  transition: Transition['kind'];
}

const SCENES: SceneSpec[] = [
  { line: 'What if the Moon disappeared tonight?', art: { seed: 11, sky: ['#050818', '#101a3d', '#27345e'], layers: ['stars', 'bigmoon', 'hills'] }, from: [1, 0.5, 0.45], to: [1.18, 0.5, 0.38], transition: 'cut' },
  { line: 'At first, the night would simply go darker.', art: { seed: 22, sky: ['#020309', '#070b1c', '#141a33'], layers: ['stars', 'city'] }, from: [1.15, 0.3, 0.6], to: [1.15, 0.7, 0.6], transition: 'crossfade' },
  { line: 'Without its pull, ocean tides would shrink to a third.', art: { seed: 33, sky: ['#0a1430', '#1c3566', '#3f5f96'], layers: ['stars', 'moon', 'sea'] }, from: [1.2, 0.5, 0.6], to: [1, 0.5, 0.5], transition: 'slide' },
  { line: 'Coastlines and tide pool life would change forever.', art: { seed: 44, sky: ['#2b3f6e', '#6d7fb0', '#d7a98a'], layers: ['shore'] }, from: [1, 0.5, 0.5], to: [1.2, 0.4, 0.7], transition: 'wipe' },
  { line: "Earth's tilt would begin to wobble, slowly, over ages.", art: { seed: 55, sky: ['#000004', '#050a1a', '#0c1430'], layers: ['milkyway', 'planet'] }, from: [1.25, 0.5, 0.5], to: [1, 0.5, 0.5], transition: 'zoom' },
  { line: 'Seasons could swing from frozen to scorching.', art: { seed: 66, sky: ['#3c6ea8', '#9ab7d8', '#f0b27a'], layers: ['split', 'hills'] }, from: [1.1, 0.35, 0.5], to: [1.1, 0.65, 0.5], transition: 'crossfade' },
  { line: 'Animals that hunt by moonlight would lose their lamp.', art: { seed: 77, sky: ['#03060c', '#0b1a1a', '#12302a'], layers: ['stars', 'forest', 'eyes'] }, from: [1, 0.5, 0.6], to: [1.22, 0.5, 0.78], transition: 'slide' },
  { line: 'Our days would still last twenty four hours, for now.', art: { seed: 88, sky: ['#2a1b4a', '#b0507a', '#ffb36b'], layers: ['sun'] }, from: [1.2, 0.5, 0.75], to: [1.02, 0.5, 0.6], transition: 'crossfade' },
  { line: 'And astronomers would finally see the faintest stars.', art: { seed: 99, sky: ['#000002', '#04061a', '#0d1235'], layers: ['milkyway', 'hills', 'telescope'] }, from: [1, 0.5, 0.4], to: [1.18, 0.55, 0.3], transition: 'wipe' },
  { line: 'So look up tonight, and thank the Moon.', art: { seed: 111, sky: ['#060a20', '#18285a', '#3b4f8a'], layers: ['stars', 'moon', 'sea'] }, from: [1.18, 0.62, 0.3], to: [1, 0.5, 0.45], transition: 'crossfade' },
];

async function speak(text: string, file: string): Promise<number> {
  await execa(resolveBinary('espeak-ng'), ['-v', 'en-us+m3', '-s', '150', '-p', '45', '-w', file, text]);
  return (await probeMedia(file)).durationSeconds;
}

/** Word timings spread over the spoken length by character count (espeak adds ~0.1 s of lead-in). */
function spreadWords(line: string, start: number, duration: number): WordTiming[] {
  const words = line.split(/\s+/).filter(Boolean);
  const lead = 0.1;
  const span = Math.max(0.2, duration - lead - 0.15);
  const weights = words.map((w) => w.replace(/[^\p{L}\p{N}]/gu, '').length + 2);
  const total = weights.reduce((a, b) => a + b, 0);
  let t = start + lead;
  return words.map((text, i) => {
    const d = (span * weights[i]!) / total;
    const word = { text, start: round(t), end: round(t + d * 0.92) };
    t += d;
    return word;
  });
}

const round = (v: number) => Math.round(v * 1000) / 1000;

async function main(): Promise<void> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'whatif-sample-'));
  fs.rmSync(path.join(OUT, 'assets'), { recursive: true, force: true });
  fs.mkdirSync(OUT, { recursive: true });
  const doc = createEmptyDocument({ id: 'sample-what-if-the-moon-disappeared', name: 'What if the Moon disappeared?', now: '2026-11-25T00:00:00.000Z', language: 'en' });
  doc.narration = { ...doc.narration, engine: 'system', wordsPerMinute: 150, script: SCENES.map((s) => s.line).join('\n') };
  doc.style = { templateId: null, premise: 'What if the Moon disappeared?', style: 'moody night illustration, deep blues, soft glow', negativePrompt: 'text, watermark' };

  const narrationParts: { file: string; at: number }[] = [];
  for (const [i, scene] of SCENES.entries()) {
    const start = i * SCENE_SECONDS;
    const image = await storeAssetBuffer(OUT, await renderArt(scene.art, W, H), 'jpg', { kind: 'image', width: W, height: H, source: 'sample', originalName: `scene-${i + 1}.jpg` });
    doc.assets[image.id] = image;
    const sceneId = `scene-${i + 1}`;
    doc.scenes.push({ id: sceneId, prompt: scene.line, negativePrompt: '', model: 'procedural', imageAssetId: image.id, duration: SCENE_SECONDS });
    const clip = makeClip({
      id: `clip-${i + 1}`,
      assetId: image.id,
      sceneId,
      start,
      duration: SCENE_SECONDS,
      kenBurns: { from: { zoom: scene.from[0], x: scene.from[1], y: scene.from[2] }, to: { zoom: scene.to[0], x: scene.to[1], y: scene.to[2] }, easing: i % 2 ? 'easeInOut' : 'linear' },
      transitionIn: { kind: i === 0 ? 'cut' : scene.transition, duration: i === 0 || scene.transition === 'cut' ? 0 : 0.6 },
    });
    imagesOf(doc).push(clip);
    const voice = path.join(tmp, `line-${i + 1}.wav`);
    const spoken = await speak(scene.line, voice);
    const at = start + (i === 0 ? 0.6 : 0.7);
    narrationParts.push({ file: voice, at });
    doc.tracks.captions.cues.push({ id: `cue-${i + 1}`, start: round(at), end: round(Math.min(start + SCENE_SECONDS - 0.1, at + spoken + 0.2)), text: scene.line, words: spreadWords(scene.line, at, spoken) });
  }
  const total = SCENES.length * SCENE_SECONDS;

  // One narration track: every sentence at its place, mono 22.05 kHz WAV.
  const narrationFile = path.join(tmp, 'narration.wav');
  const inputs = narrationParts.flatMap((p) => ['-i', p.file]);
  const delays = narrationParts.map((p, i) => `[${i}:a]adelay=${Math.round(p.at * 1000)}:all=1[d${i}]`).join(';');
  const mix = `${narrationParts.map((_, i) => `[d${i}]`).join('')}amix=inputs=${narrationParts.length}:normalize=0,apad=whole_dur=${total},atrim=duration=${total}[out]`;
  await execa(resolveBinary('ffmpeg'), ['-v', 'error', '-y', ...inputs, '-filter_complex', `${delays};${mix}`, '-map', '[out]', '-ac', '1', '-ar', '22050', narrationFile]);
  const narration = await storeAssetFile(OUT, narrationFile, 'wav', { kind: 'audio', duration: total, source: 'sample', originalName: 'narration.wav' });
  doc.assets[narration.id] = narration;
  narrationOf(doc).push(makeClip({ id: 'narration-1', assetId: narration.id, start: 0, duration: total }));

  // Music: synthesised, AAC in .m4a to keep the folder small.
  const musicWav = path.join(tmp, 'music.wav');
  fs.writeFileSync(musicWav, wavBuffer(synthMusic(total + 2), 22050));
  const musicFile = path.join(tmp, 'music.m4a');
  await execa(resolveBinary('ffmpeg'), ['-v', 'error', '-y', '-i', musicWav, '-c:a', 'aac', '-b:a', '96k', musicFile]);
  const music = await storeAssetFile(OUT, musicFile, 'm4a', { kind: 'audio', duration: total + 2, source: 'sample', originalName: 'music.m4a' });
  doc.assets[music.id] = music;
  musicOf(doc).push(makeClip({ id: 'music-1', assetId: music.id, start: 0, duration: total, gainDb: gainToDb(0.6), fadeIn: 1, fadeOut: 2.5, duck: true }));

  // Text overlays: the hook and the end card.
  doc.tracks.text.push({
    id: 'title',
    text: 'WHAT IF THE MOON DISAPPEARED?',
    start: 0.2,
    duration: 5.4,
    style: { ...DEFAULT_TEXT_STYLE, font: 'Inter Black', size: 92, color: '#FFFFFF', box: { enabled: true, color: '#101633', padding: 18 } },
    position: { preset: 'top', x: 0.5, y: 0.2 },
    align: 'center',
    maxWidth: 0.92,
    fadeIn: 0.4,
    fadeOut: 0.4,
  });
  doc.tracks.text.push({
    id: 'end-card',
    text: 'Follow for more\nWhat ifs',
    start: total - 4,
    duration: 4,
    style: { ...DEFAULT_TEXT_STYLE, font: 'Inter Black', size: 84, color: '#FFD400' },
    position: { preset: 'center', x: 0.5, y: 0.5 },
    align: 'center',
    maxWidth: 0.8,
    fadeIn: 0.5,
    fadeOut: 0.3,
  });
  doc.tracks.captions.style = { ...doc.tracks.captions.style, font: 'Inter', size: 74, bold: true, outlineWidth: 5, highlightColor: '#FFD400' };
  writeProjectFile(OUT, doc);
  fs.writeFileSync(path.join(OUT, '.gitignore'), 'renders/\n');
  fs.rmSync(tmp, { recursive: true, force: true });
  const bytes = fs.readdirSync(path.join(OUT, 'assets')).reduce((sum, f) => sum + fs.statSync(path.join(OUT, 'assets', f)).size, 0);
  console.log(`Sample project written to ${OUT}: ${SCENES.length} scenes, ${total} s, ${(bytes / 1e6).toFixed(1)} MB of assets.`);
}

await main();
