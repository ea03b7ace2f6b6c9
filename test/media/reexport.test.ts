import fs from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';
import { chooseEncoder } from '../../src-main/media/encoders/encoders.js';
import { detectEncoders } from '../../src-main/media/encoders/detect.js';
import { exportProject } from '../../src-main/media/export/export-project.js';
import { planVideo } from '../../src-main/media/render/video-plan.js';
import { probeMedia } from '../../src-main/media/ffmpeg/probe.js';
import { clearBinaryCache, resolveBinary } from '../../src-main/platform/binaries.js';
import { DEFAULT_TEXT_STYLE, mainClips, type ProjectDocument } from '../../src-main/project/document.js';
import { tempDirsForThisFile } from '../helpers/temp-core.js';
import { addAudio, makeProject, toneFile } from './fixtures.js';

const dir = tempDirsForThisFile('whatif-reexport-');

/** Per-frame PSNR of two videos (Infinity where identical), read from ffmpeg's psnr stats. */
async function framePsnr(a: string, b: string): Promise<number[]> {
  const stats = path.join(path.dirname(a), `psnr-${path.basename(a)}-${path.basename(b)}.txt`);
  await execa(resolveBinary('ffmpeg'), ['-v', 'error', '-i', a, '-i', b, '-lavfi', `[0:v][1:v]psnr=stats_file=${stats.replace(/:/g, '\\:')}`, '-f', 'null', '-']);
  return fs.readFileSync(stats, 'utf8').trim().split('\n').map((line) => {
    const v = /psnr_avg:(\S+)/.exec(line)![1]!;
    return v === 'inf' ? Infinity : Number(v);
  });
}

/** A 12 s project: four 3 s pictures, a text overlay, three captions with words, narration and music. */
async function project(): Promise<{ dir: string; doc: ProjectDocument }> {
  const d = dir();
  const { dir: folder, doc } = await makeProject(path.join(d, 'p'), { count: 4, seconds: 3 });
  doc.tracks.text = [{ id: 'title', text: 'WHAT IF', start: 0.5, duration: 2, style: DEFAULT_TEXT_STYLE, position: { preset: 'top', x: 0.5, y: 0.2 }, align: 'center', maxWidth: 0.9, fadeIn: 0, fadeOut: 0 }];
  const cue = (id: string, start: number, words: string[]) => ({ id, start, end: start + words.length * 0.5, text: words.join(' '), words: words.map((text, i) => ({ text, start: start + i * 0.5, end: start + (i + 1) * 0.5 })) });
  doc.tracks.captions.cues = [cue('c1', 0.2, ['What', 'if']), cue('c2', 6.4, ['the', 'Moon']), cue('c3', 9.5, ['vanished'])];
  await addAudio(folder, doc, await toneFile(d, 'voice.wav', 700, 12, 0.3), 'narration', 0, 12);
  await addAudio(folder, doc, await toneFile(d, 'music.wav', 200, 12, 0.3), 'music', 0, 12);
  return { dir: folder, doc };
}

/** Which segments of the plan a time range [from, to) touches. */
function segmentsTouched(doc: ProjectDocument, from: number, to: number): number {
  const plan = planVideo({ clips: mainClips(doc), output: doc.output, images: new Map(Object.values(doc.assets).map((a) => [a.id, { width: a.width ?? 400, height: a.height ?? 600 }])) });
  return plan.chunks.filter((c) => c.startFrame / plan.fps < to && c.endFrame / plan.fps > from).length;
}

describe('re-export', () => {
  it('encodes only the segments an edit touches, and its frames equal a cold export of the edited project', async () => {
    const { dir: folder, doc } = await project();
    const cache = path.join(folder, 'cache');
    const out = (name: string) => path.join(folder, 'renders', `${name}.mp4`);
    const cold = await exportProject({ projectDir: folder, doc, output: doc.output, destination: out('cold'), cacheDir: cache });
    expect(cold.segments.reused).toBe(0);
    expect(cold.segments.total).toBeGreaterThanOrEqual(3);
    expect(cold.audioReused).toBe(false);

    // Nothing changed: nothing is encoded, and the file shows the same frames.
    const same = await exportProject({ projectDir: folder, doc, output: doc.output, destination: out('same'), cacheDir: cache });
    expect(same.segments).toEqual({ total: cold.segments.total, encoded: 0, reused: cold.segments.total });
    expect(same.audioReused).toBe(true);
    expect(Math.min(...(await framePsnr(out('same'), out('cold'))))).toBe(Infinity);

    // One word of one caption: only the segments that caption shows in.
    const edited = structuredClone(doc);
    const c2 = edited.tracks.captions.cues[1]!;
    c2.text = 'the Sun';
    c2.words![1]!.text = 'Sun';
    const expected = segmentsTouched(edited, c2.start, c2.end);
    const warm = await exportProject({ projectDir: folder, doc: edited, output: edited.output, destination: out('warm'), cacheDir: cache });
    expect(warm.segments.encoded).toBe(expected);
    expect(warm.segments.encoded).toBeLessThan(warm.segments.total);
    expect(warm.audioReused).toBe(true);
    const fresh = await exportProject({ projectDir: folder, doc: edited, output: edited.output, destination: out('fresh'), cacheDir: path.join(folder, 'cache-2') });
    expect(fresh.segments.reused).toBe(0);
    const psnr = await framePsnr(out('warm'), out('fresh'));
    expect(psnr).toHaveLength(360);
    expect(Math.min(...psnr)).toBeGreaterThanOrEqual(45);
    // And the edit shows: the warm export differs from the first one where the caption is.
    expect(Math.min(...(await framePsnr(out('warm'), out('cold'))))).toBeLessThan(45);

    // Moving the text overlay: only its segments (again), the sound is still reused.
    const moved = structuredClone(edited);
    moved.tracks.text[0]!.position = { preset: 'free', x: 0.5, y: 0.6 };
    const movedRun = await exportProject({ projectDir: folder, doc: moved, output: moved.output, destination: out('moved'), cacheDir: cache });
    expect(movedRun.segments.encoded).toBe(segmentsTouched(moved, 0.5, 2.5));
    expect(movedRun.audioReused).toBe(true);
    expect((await probeMedia(out('moved'))).video?.frames).toBe(360);
  }, 240_000);
});

describe('hardware encoders', () => {
  const real = resolveBinary('ffmpeg');
  const before = process.env.FFMPEG_BIN;
  afterAll(() => {
    if (before === undefined) delete process.env.FFMPEG_BIN;
    else process.env.FFMPEG_BIN = before;
    clearBinaryCache();
  });

  it('finds an encoder by trial, falls back to libx264 in the same export when it fails, and says so', async () => {
    const d = dir();
    // A stand-in ffmpeg: lists NVENC, passes its one-second trial, and fails on a real export.
    const standIn = path.join(d, 'ffmpeg');
    fs.writeFileSync(
      standIn,
      `#!/bin/bash
REAL=${JSON.stringify(real)}
if [[ " $* " == *" -encoders "* ]]; then "$REAL" "$@"; echo " V....D h264_nvenc           NVIDIA NVENC H.264 encoder (stand-in)"; exit 0; fi
if [[ " $* " == *" h264_nvenc "* ]]; then
  if [[ " $* " == *" lavfi "* ]]; then exec "$REAL" -hide_banner -v error -f lavfi -i testsrc2=size=64x64:rate=30 -t 1 -f null -; fi
  echo "[h264_nvenc @ 0x1] OpenEncodeSessionEx failed: no capable devices found (stand-in)" >&2; exit 1
fi
exec "$REAL" "$@"
`,
      { mode: 0o755 },
    );
    process.env.FFMPEG_BIN = standIn;
    clearBinaryCache();
    const reportFile = path.join(d, 'encoders.json');
    const report = await detectEncoders(reportFile);
    expect(report.working).toEqual(['h264_nvenc']);
    expect(JSON.parse(fs.readFileSync(reportFile, 'utf8')).build).toBe(report.build);
    const encoder = chooseEncoder('auto', report.working);
    expect(encoder.id).toBe('h264_nvenc');
    expect(chooseEncoder('software', report.working).id).toBe('libx264');

    const { dir: folder, doc } = await makeProject(path.join(d, 'p'), { count: 2, seconds: 2 });
    const messages: string[] = [];
    const out = path.join(folder, 'renders', 'hw.mp4');
    const result = await exportProject({ projectDir: folder, doc, output: doc.output, destination: out, encoder, cacheDir: path.join(d, 'cache'), onProgress: (_p, m) => messages.push(m) });
    expect(result.fellBack).toBe('NVENC (NVIDIA)');
    expect(result.encoder).toBe('x264 (software)');
    expect(messages.some((m) => /NVENC \(NVIDIA\) failed: encoding with the software encoder/.test(m))).toBe(true);
    const probe = await probeMedia(out);
    expect(probe.video?.codec).toBe('h264');
    expect(probe.video?.frames).toBe(120);
  }, 120_000);
});
