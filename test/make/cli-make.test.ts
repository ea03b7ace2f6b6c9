/**
 * `whatif make` as a user runs it: with no network and no keys it still finishes an MP4 of the asked
 * length (template script, system voice, placeholder art) and says what was offline; `--ideas` makes
 * one MP4 per idea and one failing idea does not stop the others.
 */
import fs from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeMedia } from '../../src-main/media/ffmpeg/probe.js';
import { resolveBinary } from '../../src-main/platform/binaries.js';
import { ARTIFACTS } from '../e2e/bridge-harness.js';
import { startFakeLlm, type FakeLlm } from '../fakes/llm-server.js';
import { tempDir } from '../helpers/temp-core.js';
import type { ProjectDocument } from '../../src-main/project/document.js';
import { imagesOf } from '../helpers/tracks.js';
import { pcm, toneLevel } from '../media/decode.js';
import { toneFile } from '../media/fixtures.js';

const root = tempDir('whatif-cli-make-');
const bin = path.resolve('bin/whatif.mjs');
let llm: FakeLlm;
beforeAll(async () => {
  llm = await startFakeLlm();
});
afterAll(async () => {
  await llm.close();
  fs.rmSync(root, { recursive: true, force: true });
});

/** No keys and nothing to reach: Ollama's address is a closed port. */
function offlineEnv(home: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, WHATIF_HOME: home, WHATIF_OLLAMA_URL: 'http://127.0.0.1:9' };
  for (const name of Object.keys(env)) if (/^WHATIF_(KIE|ELEVENLABS|LLM)_/.test(name)) delete env[name];
  return env;
}

describe('whatif make', () => {
  it('offline: an idea to an MP4 of the asked length, saying which parts were offline', async () => {
    const out = path.join(root, 'moon.mp4');
    const { stdout, stderr, exitCode } = await execa(process.execPath, [bin, 'make', 'What if the Moon disappeared?', '-o', out], { env: offlineEnv(path.join(root, 'home')), reject: false });
    expect(exitCode, stderr).toBe(0);
    expect(stdout).toContain('Made offline: script (template "moon-vanished"), voice (system voice system:en), images (');
    expect(stdout).toContain(`Done: ${out}`);
    const probe = await probeMedia(out);
    expect(probe.video).toMatchObject({ codec: 'h264', width: 1080, height: 1920 });
    expect(probe.audio?.codec).toBe('aac');
    expect(Math.abs(probe.durationSeconds - 45) / 45).toBeLessThanOrEqual(0.1);
    // A frame from the middle: placeholder art with a caption, not a flat picture.
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    const frame = path.join(ARTIFACTS, 'make-offline-frame.png');
    await execa(resolveBinary('ffmpeg'), ['-v', 'error', '-y', '-ss', '20', '-i', out, '-frames:v', '1', '-vf', 'scale=270:480', frame]);
    const { stdout: gray } = await execa(resolveBinary('ffmpeg'), ['-v', 'error', '-i', frame, '-f', 'rawvideo', '-pix_fmt', 'gray', '-'], { encoding: 'buffer' });
    const mean = gray.reduce((t, v) => t + v, 0) / gray.length;
    const spread = Math.sqrt(gray.reduce((t, v) => t + (v - mean) ** 2, 0) / gray.length);
    expect(spread).toBeGreaterThan(15);
  }, 240_000);

  it('--ideas: one project and one MP4 per idea, a table of states, one failure not stopping the rest', async () => {
    const ideas = path.join(root, 'ideas.txt');
    fs.writeFileSync(ideas, '# my ideas\nWhat if bees were huge?\n\nWhat if ice burned? [fault:schema-always]\n');
    const outDir = path.join(root, 'batch');
    const env = { ...offlineEnv(path.join(root, 'home-batch')), WHATIF_LLM_PROVIDER: 'openai', WHATIF_LLM_BASE_URL: llm.url, WHATIF_LLM_MODEL: 'fake-gpt', WHATIF_LLM_API_KEY: llm.apiKey };
    const { stdout, exitCode } = await execa(process.execPath, [bin, 'make', '--ideas', ideas, '--seconds', '10', '--scenes', '2', '-o', outDir], { env, reject: false });
    expect(exitCode).toBe(1);
    expect(stdout).toMatch(/^1\s+done\s+[\d.]+\s+What if bees were huge\? → .*01-What-if-bees-were-huge\.mp4$/m);
    expect(stdout).toMatch(/^2\s+error\s+-\s+What if ice burned\? \[fault:schema-always\] → The script step failed: .*answered twice/m);
    expect(stdout).toContain('1 of 2 finished.');
    expect(fs.readdirSync(outDir)).toEqual(['01-What-if-bees-were-huge.mp4']);
    expect(llm.callsFor('What if ice burned?')).toBe(2);
  }, 240_000);

  it('--stop-after-storyboard, then --continue <project-dir> with the storyboard as edited', async () => {
    const env = offlineEnv(path.join(root, 'home-continue'));
    const first = await execa(process.execPath, [bin, 'make', 'What if the oceans dried up?', '--seconds', '10', '--scenes', '2', '--stop-after-storyboard'], { env, reject: false });
    expect(first.exitCode, first.stderr).toBe(0);
    const dir = /go on from the page or with whatif make --continue (.*)\.$/m.exec(first.stdout)![1]!;
    const doc = JSON.parse(fs.readFileSync(path.join(dir, 'project.json'), 'utf8')) as { scenes: { prompt: string }[]; tracks: ProjectDocument['tracks'] };
    expect(doc.scenes).toHaveLength(2);
    expect(imagesOf(doc)).toHaveLength(0);
    doc.scenes[1]!.prompt = 'an empty sea bed at noon, edited by hand';
    fs.writeFileSync(path.join(dir, 'project.json'), JSON.stringify(doc));
    const out = path.join(root, 'continued.mp4');
    // A 4 s sound the user brings becomes the music bed: repeated under the whole short, ducked.
    // 55 Hz: below the system voice, so the tone is told from the speech over it.
    const music = await toneFile(root, 'music.wav', 55, 4, 0.5);
    const second = await execa(process.execPath, [bin, 'make', '--continue', dir, '--music', music, '-o', out], { env, reject: false });
    expect(second.exitCode, second.stderr).toBe(0);
    expect(second.stdout).toContain('Music: "music.wav" under the narration.');
    expect(second.stdout).toContain('Made offline: voice (system voice system:en), images (2 placeholders made here)');
    const after = JSON.parse(fs.readFileSync(path.join(dir, 'project.json'), 'utf8')) as { scenes: { prompt: string }[]; tracks: ProjectDocument['tracks'] };
    expect(after.scenes[1]!.prompt).toBe('an empty sea bed at noon, edited by hand');
    expect(imagesOf(after)).toHaveLength(2);
    expect(second.stdout).toContain(`Done: ${out}`);
    const probe = await probeMedia(out);
    expect(probe.video?.codec).toBe('h264');
    const bed = after.tracks.media.find((t) => t.role === 'music')!.clips;
    expect(bed.length).toBeGreaterThanOrEqual(2);
    expect(bed.every((c) => c.duck)).toBe(true);
    // It covers the timeline (the MP4 may run on a few frames for the voice's last word).
    expect(probe.durationSeconds - (bed.at(-1)!.start + bed.at(-1)!.duration)).toBeLessThan(0.75);
    // The tone is in the MP4's sound in the second 4 s piece, well over a frequency it does not have.
    const samples = await pcm(out);
    const tone = toneLevel(samples, 8000, 55, 5, 7);
    const other = toneLevel(samples, 8000, 77, 5, 7);
    console.log(`music bed at 5-7 s: 55 Hz ${tone.toFixed(4)}, 77 Hz ${other.toFixed(4)}`);
    expect(tone).toBeGreaterThan(5 * other);
  }, 240_000);

  it('refuses bad options with the usage line', async () => {
    const { stderr, exitCode } = await execa(process.execPath, [bin, 'make', 'What if?', '--seconds', '5'], { env: offlineEnv(path.join(root, 'home-bad')), reject: false });
    expect(exitCode).toBe(2);
    expect(stderr).toMatch(/--seconds must be a whole number from 10 to 180/);
  });
});
