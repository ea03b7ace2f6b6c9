import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportProject } from '../../src-main/media/export/export-project.js';
import { probeMedia } from '../../src-main/media/ffmpeg/probe.js';
import { parseSrt } from '../../src-main/media/captions/srt.js';
import { outputForPreset, DEFAULT_TEXT_STYLE, type ProjectDocument, type TextClip } from '../../src-main/project/document.js';
import { assetPath } from '../../src-main/project/assets.js';
import { tempDirsForThisFile } from '../helpers/temp-core.js';
import { grayFrames, loudness, pcm, toneLevel } from './decode.js';
import { addAudio, makeProject, toneFile } from './fixtures.js';
import { imagesOf, musicOf } from '../helpers/tracks.js';

const dir = tempDirsForThisFile('whatif-export-');

/** Mean absolute difference of two gray frames inside a box (fractions of the frame). */
function boxDiff(a: Uint8Array, b: Uint8Array, width: number, height: number, box: [number, number, number, number]): number {
  let sum = 0;
  let n = 0;
  for (let y = Math.floor(box[1] * height); y < box[3] * height; y++) {
    for (let x = Math.floor(box[0] * width); x < box[2] * width; x++) {
      sum += Math.abs(a[y * width + x]! - b[y * width + x]!);
      n++;
    }
  }
  return sum / n;
}

function still(doc: ProjectDocument): void {
  for (const clip of imagesOf(doc)) clip.kenBurns = { from: { zoom: 1, x: 0.5, y: 0.5 }, to: { zoom: 1, x: 0.5, y: 0.5 }, easing: 'linear' };
}

describe('export presets', () => {
  for (const preset of ['9:16', '16:9', '1:1'] as const) {
    it(`${preset} gives the preset's dimensions, H.264 yuv420p, the project's duration`, async () => {
      const { dir: project, doc } = await makeProject(dir(), { count: 1, seconds: 0.5 });
      const output = { ...outputForPreset(preset, 25), quality: 'draft' as const };
      const out = path.join(project, 'out.mp4');
      const result = await exportProject({ projectDir: project, doc, output, destination: out });
      const probe = await probeMedia(out);
      expect([probe.video?.width, probe.video?.height]).toEqual([output.width, output.height]);
      expect(probe.video?.codec).toBe('h264');
      expect(probe.video?.pixFmt).toBe('yuv420p');
      expect(probe.video?.fps).toBe(25);
      expect(probe.audio).toBeNull();
      expect(Math.abs(probe.durationSeconds - 0.5)).toBeLessThan(0.05);
      expect(result.hasAudio).toBe(false);
    }, 60_000);
  }
});

describe('transitions', () => {
  it('joins cuts and transitions in any order (a crossfade after a cut)', async () => {
    const { dir: project, doc } = await makeProject(dir(), { count: 4, seconds: 1 });
    imagesOf(doc)[1]!.transitionIn = { kind: 'wipe', duration: 0.4 };
    imagesOf(doc)[3]!.transitionIn = { kind: 'zoom', duration: 0.4 };
    const out = path.join(project, 'mixed.mp4');
    await exportProject({ projectDir: project, doc, output: doc.output, destination: out, segmentSeconds: 60 });
    const probe = await probeMedia(out);
    expect(probe.video?.frames).toBe(120);
  }, 60_000);
});

describe('text and captions', () => {
  it('draws a text overlay only inside its time range', async () => {
    const { dir: project, doc } = await makeProject(dir(), { count: 1, seconds: 2 });
    still(doc);
    const text: TextClip = {
      id: 'hook',
      text: 'WHAT IF',
      start: 0.8,
      duration: 0.6,
      style: { ...DEFAULT_TEXT_STYLE, font: 'Inter Black', size: 40, box: { enabled: true, color: '#FFFFFF', padding: 10 } },
      position: { preset: 'center', x: 0.5, y: 0.5 },
      align: 'center',
      maxWidth: 0.9,
      fadeIn: 0,
      fadeOut: 0,
    };
    doc.tracks.text.push(text);
    const out = path.join(project, 'text.mp4');
    await exportProject({ projectDir: project, doc, output: doc.output, destination: out });
    const frames = await grayFrames(out, 180, 320);
    const box: [number, number, number, number] = [0.25, 0.45, 0.75, 0.55];
    const before = frames[15]!; // 0.5 s
    expect(boxDiff(before, frames[33]!, 180, 320, box)).toBeGreaterThan(30); // 1.1 s: text on
    expect(boxDiff(before, frames[22]!, 180, 320, box)).toBeLessThan(3); // 0.73 s: not yet
    expect(boxDiff(before, frames[45]!, 180, 320, box)).toBeLessThan(3); // 1.5 s: gone
  }, 60_000);

  it('burns an imported SRT cue at its time', async () => {
    const { dir: project, doc } = await makeProject(dir(), { count: 1, seconds: 2 });
    still(doc);
    doc.tracks.captions.cues = parseSrt('1\n00:00:01,000 --> 00:00:01,600\nHELLO\n', 'cues.srt');
    doc.tracks.captions.style = { ...doc.tracks.captions.style, size: 36, box: { enabled: true, color: '#FFFFFF', padding: 8 } };
    const out = path.join(project, 'srt.mp4');
    await exportProject({ projectDir: project, doc, output: doc.output, destination: out });
    const frames = await grayFrames(out, 180, 320);
    const box: [number, number, number, number] = [0.3, 0.62, 0.7, 0.8];
    expect(boxDiff(frames[10]!, frames[39]!, 180, 320, box)).toBeGreaterThan(20); // 1.3 s
    expect(boxDiff(frames[10]!, frames[52]!, 180, 320, box)).toBeLessThan(3); // 1.73 s
  }, 60_000);

  it('names the line of a bad SRT', () => {
    expect(() => parseSrt('1\n00:00:01,000 --> 00:00:02,000\nok\n\n2\n00:00:03,000 -> 00:00:04,000\nbad\n', 'cues.srt')).toThrow(/cues\.srt line 6/);
    expect(() => parseSrt('1\n00:00:05,000 --> 00:00:04,000\nbackwards\n', 'x.srt')).toThrow(/x\.srt line 2: the cue ends/);
  });

  it('refuses a font that does not ship with the app', async () => {
    const { dir: project, doc } = await makeProject(dir(), { count: 1, seconds: 1 });
    doc.tracks.text.push({ id: 't', text: 'hi', start: 0, duration: 1, style: { ...DEFAULT_TEXT_STYLE, font: 'Comic Sans MS' }, position: { preset: 'top', x: 0.5, y: 0.5 }, align: 'center', maxWidth: 0.8, fadeIn: 0, fadeOut: 0 });
    await expect(exportProject({ projectDir: project, doc, output: doc.output, destination: path.join(project, 'f.mp4') })).rejects.toThrow(/Comic Sans MS.*not one of the bundled fonts/);
  });
});

describe('audio', () => {
  it('normalises to -14 LUFS (true peak under -1 dBTP) and ducks music under narration', async () => {
    const d = dir();
    const { dir: project, doc } = await makeProject(path.join(d, 'p'), { count: 2, seconds: 3 });
    await addAudio(project, doc, await toneFile(d, 'voice.wav', 1000, 2, 0.3), 'narration', 2, 2);
    await addAudio(project, doc, await toneFile(d, 'music.wav', 300, 6, 0.3), 'music', 0, 6, { duck: true });
    const out = path.join(project, 'audio.mp4');
    const result = await exportProject({ projectDir: project, doc, output: doc.output, destination: out });
    expect(result.hasAudio).toBe(true);
    const probe = await probeMedia(out);
    expect(probe.audio).toMatchObject({ codec: 'aac', sampleRate: 48000 });
    const { integrated, truePeak } = await loudness(out);
    expect(Math.abs(integrated + 14)).toBeLessThanOrEqual(1);
    expect(truePeak).toBeLessThanOrEqual(-0.9);
    const samples = await pcm(out, 8000);
    const alone = toneLevel(samples, 8000, 300, 0.5, 1.5);
    const underVoice = toneLevel(samples, 8000, 300, 2.7, 3.7);
    expect(alone).toBeGreaterThan(0.01);
    expect(underVoice).toBeLessThan(alone * 0.6);
  }, 90_000);
});

describe('silent track', () => {
  it('adds a silent AAC track only when asked', async () => {
    const { dir: project, doc } = await makeProject(dir(), { count: 1, seconds: 0.5 });
    const out = path.join(project, 'silent.mp4');
    const result = await exportProject({ projectDir: project, doc, output: doc.output, destination: out, silentAudio: true });
    expect(result.hasAudio).toBe(true);
    expect((await probeMedia(out)).audio).toMatchObject({ codec: 'aac', sampleRate: 48000, channels: 2 });
  }, 30_000);
});

describe('bad input and cancel', () => {
  it('cancelling leaves no file at the destination and no temp files', async () => {
    const { dir: project, doc } = await makeProject(dir(), { count: 2, seconds: 4, width: 720, height: 1280 });
    const out = path.join(project, 'renders', 'cancel.mp4');
    const controller = new AbortController();
    const run = exportProject({
      projectDir: project,
      doc,
      output: doc.output,
      destination: out,
      signal: controller.signal,
      onProgress: (percent) => {
        if (percent > 10) controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ code: 'cancelled' });
    expect(fs.existsSync(out)).toBe(false);
    expect(fs.readdirSync(path.dirname(out))).toEqual([]);
  }, 60_000);

  it('a corrupt image fails before encoding, naming the clip and the file', async () => {
    const { dir: project, doc, images } = await makeProject(dir(), { count: 2, seconds: 1 });
    const file = path.join(project, images[1]!.file);
    fs.writeFileSync(file, Buffer.concat([fs.readFileSync(file).subarray(0, 200), Buffer.alloc(500, 7)]));
    const messages: string[] = [];
    const out = path.join(project, 'renders', 'corrupt.mp4');
    const run = exportProject({ projectDir: project, doc, output: doc.output, destination: out, onProgress: (_p, m) => messages.push(m) });
    // Named as the timeline shows it; the changed bytes no longer match the file's content address.
    await expect(run).rejects.toThrow(new RegExp(`clip 2 of Main .*changed outside the app.*${path.basename(file)}`));
    expect(messages.some((m) => m.startsWith('Encoding'))).toBe(false);
    expect(fs.existsSync(out)).toBe(false);
  }, 30_000);

  it('a corrupt audio file fails before encoding, naming the clip and the file', async () => {
    const d = dir();
    const { dir: project, doc } = await makeProject(path.join(d, 'p'), { count: 1, seconds: 2 });
    await addAudio(project, doc, await toneFile(d, 'voice.wav', 1000, 1, 0.3), 'narration', 0, 1);
    await addAudio(project, doc, await toneFile(d, 'music.wav', 300, 2, 0.3), 'music', 0, 2);
    const music = musicOf(doc)[0]!;
    const file = assetPath(project, doc.assets[music.assetId]!);
    expect(fs.existsSync(file)).toBe(true);
    fs.writeFileSync(file, 'not audio');
    const messages: string[] = [];
    const out = path.join(project, 'renders', 'corrupt-audio.mp4');
    const run = exportProject({ projectDir: project, doc, output: doc.output, destination: out, onProgress: (_p, m) => messages.push(m) });
    await expect(run).rejects.toThrow(new RegExp(`clip 1 \\("[^"]+"\\) of Music .*changed outside the app.*${path.basename(file)}`));
    expect(messages.some((m) => m.startsWith('Encoding'))).toBe(false);
    expect(fs.existsSync(out)).toBe(false);
  }, 30_000);

  it('overlapping and zero-length clips are validation errors', async () => {
    const { dir: project, doc } = await makeProject(dir(), { count: 2, seconds: 1 });
    imagesOf(doc)[1]!.start = 0.5;
    await expect(exportProject({ projectDir: project, doc, output: doc.output, destination: path.join(project, 'o.mp4') })).rejects.toThrow(/overlaps/);
    imagesOf(doc)[1]!.start = 1;
    imagesOf(doc)[1]!.duration = 0;
    await expect(exportProject({ projectDir: project, doc, output: doc.output, destination: path.join(project, 'o.mp4') })).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('an unwritable destination is a clear error and the project is untouched', async () => {
    const { dir: project, doc } = await makeProject(dir(), { count: 1, seconds: 1 });
    const before = fs.readFileSync(path.join(project, 'project.json'), 'utf8');
    fs.writeFileSync(path.join(project, 'not-a-folder'), 'x');
    const out = path.join(project, 'not-a-folder', 'out.mp4');
    await expect(exportProject({ projectDir: project, doc, output: doc.output, destination: out })).rejects.toThrow(/Cannot write to .*not-a-folder/);
    expect(fs.readFileSync(path.join(project, 'project.json'), 'utf8')).toBe(before);
  });
});
