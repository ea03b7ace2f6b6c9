/**
 * Pictures and sound as the user sees them, and bounds: an EXIF-rotated JPEG referenced directly
 * exports upright; a JPEG with garbage inside, a 0-sample WAV, a cut WAV and a trim past the end are
 * refused naming the clip; a clip longer than its file is a warning; a 1e7 s clip is refused by
 * validation; 1 000 clips of 10 images prepare 10 pictures; a folder as destination is refused first.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { decodeImage } from '../../src-main/images/decode.js';
import { exportProject } from '../../src-main/media/export/export-project.js';
import { checkFreeSpace, estimateExportBytes, spaceProblem } from '../../src-main/media/export/preflight.js';
import { probeMedia } from '../../src-main/media/ffmpeg/probe.js';
import { encodeWav } from '../../src-main/narration/audio/wav.js';
import { storeAssetBuffer } from '../../src-main/project/assets.js';
import { MAX_CLIPS_PER_TRACK, ProjectDocumentSchema, type ProjectDocument } from '../../src-main/project/document.js';
import { readProjectFile, writeProjectFile } from '../../src-main/project/project-file.js';
import { tempDirsForThisFile } from '../helpers/temp-core.js';
import { grayFrames } from './decode.js';
import { addAudio, imageClip, makeProject, toneFile } from './fixtures.js';
import { imagesOf, narrationOf, setClips } from '../helpers/tracks.js';
import { decodeMessage } from '../../src-main/messages.js';

const dir = tempDirsForThisFile('whatif-export-robust-');

function still(doc: ProjectDocument): void {
  for (const clip of imagesOf(doc)) clip.kenBurns = { from: { zoom: 1, x: 0.5, y: 0.5 }, to: { zoom: 1, x: 0.5, y: 0.5 }, easing: 'linear' };
}

const mean = (frame: Uint8Array, width: number, rows: [number, number]): number => {
  let sum = 0;
  for (let y = rows[0]; y < rows[1]; y++) for (let x = 0; x < width; x++) sum += frame[y * width + x]!;
  return sum / ((rows[1] - rows[0]) * width);
};

describe('pictures as the user sees them', () => {
  it('a JPEG with EXIF orientation 6 that did not come through import exports upright', async () => {
    const { dir: project, doc } = await makeProject(dir(), { count: 1, seconds: 0.2 });
    still(doc);
    // Upright: 400x600, white top half, black bottom half. Stored sideways (600x400) with EXIF 6.
    const upright = await sharp({ create: { width: 400, height: 600, channels: 3, background: '#000000' } })
      .composite([{ input: { create: { width: 400, height: 300, channels: 3, background: '#ffffff' } }, top: 0, left: 0 }])
      .png()
      .toBuffer();
    const sideways = await sharp(await sharp(upright).rotate(270).toBuffer()).jpeg({ quality: 95 }).withMetadata({ orientation: 6 }).toBuffer();
    expect((await sharp(sideways).metadata()).width).toBe(600);
    const asset = await storeAssetBuffer(project, sideways, 'jpg', { kind: 'image', width: 400, height: 600, source: 'kie' });
    doc.assets[asset.id] = asset;
    imagesOf(doc)[0]!.assetId = asset.id;
    const out = path.join(project, 'upright.mp4');
    await exportProject({ projectDir: project, doc, output: doc.output, destination: out });
    const [frame] = await grayFrames(out, 180, 320);
    expect(mean(frame!, 180, [10, 140])).toBeGreaterThan(200);
    expect(mean(frame!, 180, [180, 310])).toBeLessThan(40);
  }, 60_000);

  it('a JPEG with 4 KB of garbage in the middle is refused by import and by the export, naming the scene', async () => {
    const d = dir();
    const { dir: project, doc } = await makeProject(path.join(d, 'p'), { count: 2, seconds: 0.5 });
    const good = await sharp({ create: { width: 400, height: 600, channels: 3, background: '#3366aa' } }).jpeg().toBuffer();
    const bad = Buffer.concat([good.subarray(0, good.length >> 1), crypto.randomBytes(4096), good.subarray(good.length >> 1)]);
    await expect(decodeImage(bad, 'broken.jpg')).rejects.toThrow(/broken.jpg is not a readable image/);
    const asset = await storeAssetBuffer(project, bad, 'jpg', { kind: 'image', width: 400, height: 600, source: 'import', originalName: 'broken.jpg' });
    doc.assets[asset.id] = asset;
    doc.scenes.push({ id: 's2', prompt: 'a scene', negativePrompt: '', model: 'flux-kontext-pro', imageAssetId: asset.id, duration: 0.5 } as ProjectDocument['scenes'][number]);
    imagesOf(doc)[1] = { ...imagesOf(doc)[1]!, assetId: asset.id, sceneId: 's2' };
    const messages: string[] = [];
    const out = path.join(d, 'grey.mp4');
    await expect(exportProject({ projectDir: project, doc, output: doc.output, destination: out, onProgress: (_p, m) => messages.push(decodeMessage(m).text) })).rejects.toThrow(
      new RegExp(`The image of scene ${doc.scenes.length} \\("broken.jpg"\\) is damaged or cut short`),
    );
    expect(messages.some((m) => m.startsWith('Encoding'))).toBe(false);
    expect(fs.existsSync(out)).toBe(false);
  }, 60_000);
});

describe('sound as the user hears it', () => {
  async function withNarration(file: string, clip: { duration: number; trimStart?: number } = { duration: 1 }) {
    const d = dir();
    const { dir: project, doc } = await makeProject(path.join(d, 'p'), { count: 1, seconds: 2 });
    await addAudio(project, doc, file, 'narration', 0, clip.duration);
    narrationOf(doc)[0]!.sourceIn = clip.trimStart ?? 0;
    return { d, project, doc, run: () => exportProject({ projectDir: project, doc, output: doc.output, destination: path.join(d, 'out.mp4') }) };
  }

  it('a 0-sample WAV is refused naming the clip', async () => {
    const file = path.join(dir(), 'empty.wav');
    fs.writeFileSync(file, encodeWav({ samples: new Float32Array(0), sampleRate: 22050 }));
    const { run } = await withNarration(file);
    await expect(run()).rejects.toThrow(/The audio of clip 1 \("empty\.wav"\) of Narration has no sound/);
  }, 60_000);

  it('a WAV cut short (the voice stops at 1 s of 3) is refused naming the clip', async () => {
    const full = await toneFile(dir(), 'voice.wav', 440, 3);
    const cut = path.join(dir(), 'cut.wav');
    const bytes = fs.readFileSync(full);
    fs.writeFileSync(cut, bytes.subarray(0, bytes.length / 3 + 100));
    const { run } = await withNarration(cut, { duration: 2 });
    await expect(run()).rejects.toThrow(/clip 1 \("cut\.wav"\) of Narration is cut short: it holds 1\.0 s of the 3\.0 s its header announces/);
  }, 60_000);

  it('a trim start past the end of the file is refused; a clip running past its end is a warning in the result', async () => {
    const tone = await toneFile(dir(), 'music.wav', 300, 1);
    const past = await withNarration(tone, { duration: 1, trimStart: 1.5 });
    await expect(past.run()).rejects.toThrow(/Clip 1 .* of Narration starts 1\.5 s into its file, which lasts 1\.0 s: it would be silent/);
    const long = await withNarration(tone, { duration: 2 });
    const result = await long.run();
    expect(result.warnings).toEqual([
      { kind: 'audio_past_end', track: 'narration', clip: 1, file: 'music.wav', missingSeconds: 1, fileSeconds: 1, message: 'Clip 1 ("music.wav") of Narration runs 1.0 s past the end of its file (1.0 s): the last 1.0 s of its slot are silent.' },
    ]);
    expect(result.hasAudio).toBe(true);
  }, 60_000);
});

describe('bounds', () => {
  it('a 1e7 s clip and more clips than a track holds are refused by validation', async () => {
    const { dir: project, doc } = await makeProject(dir(), { count: 1, seconds: 1 });
    const huge = structuredClone(doc);
    imagesOf(huge)[0]!.duration = 1e7;
    const parsed = ProjectDocumentSchema.safeParse(huge);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({ path: ['tracks', 'media', 0, 'clips', 0, 'duration'], message: 'at most 6 hours' });
    await expect(exportProject({ projectDir: project, doc: huge, output: doc.output, destination: path.join(project, 'o.mp4') })).rejects.toThrow(/tracks\.media\.0\.clips\.0\.duration: at most 6 hours/);
    fs.writeFileSync(path.join(project, 'project.json'), JSON.stringify(huge));
    expect(() => readProjectFile(project)).toThrow(/at most 6 hours/);
    const many = structuredClone(doc);
    setClips(many, 'main', Array.from({ length: MAX_CLIPS_PER_TRACK + 1 }, (_, i) => imageClip(`c${i}`, imagesOf(doc)[0]!.assetId, i, 1)));
    expect(ProjectDocumentSchema.safeParse(many).error?.issues.map((i) => i.message)).toContain(`at most ${MAX_CLIPS_PER_TRACK} clips on a track`);
  });

  it('1 000 clips of 10 images prepare 10 pictures of scratch, not 1 000', async () => {
    const d = dir();
    const { dir: project, doc, images } = await makeProject(path.join(d, 'p'), { count: 10, seconds: 1, width: 90, height: 160, fps: 24 });
    setClips(doc, 'main', Array.from({ length: 1000 }, (_, i) => imageClip(`c${i}`, images[i % 10]!.id, i / 12, 1 / 12)));
    writeProjectFile(project, doc);
    const out = path.join(d, 'many.mp4');
    process.env.WHATIF_KEEP_EXPORT_WORK = '1';
    try {
      await exportProject({ projectDir: project, doc, output: doc.output, destination: out });
    } finally {
      delete process.env.WHATIF_KEEP_EXPORT_WORK;
    }
    const work = fs.readdirSync(d).filter((n) => n.startsWith('.whatif-export-'));
    expect(work).toHaveLength(1);
    const pictures = fs.readdirSync(path.join(d, work[0]!)).filter((n) => n.endsWith('.yuv'));
    expect(pictures).toHaveLength(10);
    for (const p of pictures) expect(fs.statSync(path.join(d, work[0]!, p)).size).toBe(90 * 160 * 1.5);
    expect((await probeMedia(out)).video?.frames).toBe(2000);
    fs.rmSync(path.join(d, work[0]!), { recursive: true });
  }, 120_000);
});

describe('checked at the start', () => {
  it('a destination that is an existing folder is refused before any work', async () => {
    const { dir: project, doc } = await makeProject(dir(), { count: 1, seconds: 1 });
    const folder = path.join(project, 'renders', 'taken.mp4');
    fs.mkdirSync(folder, { recursive: true });
    const messages: string[] = [];
    await expect(exportProject({ projectDir: project, doc, output: doc.output, destination: folder, onProgress: (_p, m) => messages.push(decodeMessage(m).text) })).rejects.toThrow(/The destination "taken.mp4" is a folder/);
    expect(messages).toEqual(['Checking the project']);
    expect(fs.readdirSync(path.join(project, 'renders'))).toEqual(['taken.mp4']);
  });

  it('the free space is checked against an estimate of what the export writes', () => {
    const base = { width: 1080, height: 1920, fps: 30, seconds: 60, quality: 'standard' as const, pictures: 10, hasAudio: true };
    const minute = estimateExportBytes(base);
    // Grows with the length (picture twice: chunks and MP4, plus the float mix) and the distinct pictures.
    expect(estimateExportBytes({ ...base, seconds: 120 }) - minute).toBeCloseTo(minute - estimateExportBytes({ ...base, seconds: 0 }), -3);
    expect(estimateExportBytes({ ...base, seconds: 120 }) - minute).toBeGreaterThan(60 * 2 * 1080 * 1920 * 30 * 0.01);
    expect(estimateExportBytes({ ...base, pictures: 1000 })).toBeGreaterThan(minute + 990 * 1080 * 1920 * 1.5 - 1);
    expect(spaceProblem('/x', 2e9, 5e8)).toBe('Not enough free space in /x for this export: it needs about 2.0 GB and 500 MB are free. Free some space or choose another destination.');
    expect(spaceProblem('/x', 2e9, 3e9)).toBeNull();
    const d = dir();
    expect(() => checkFreeSpace(path.join(d, 'o.mp4'), 1e18)).toThrow(expect.objectContaining({ code: 'disk_full', message: expect.stringMatching(/needs about 1000000000\.0 GB/) }));
    expect(() => checkFreeSpace(path.join(d, 'o.mp4'), 1)).not.toThrow();
  });
});
