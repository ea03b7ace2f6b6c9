/** Small media files made by ffmpeg for the import tests (testsrc pictures, sine sound). */
import fs from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { resolveBinary } from '../../src-main/platform/binaries.js';

async function ffmpeg(args: string[]): Promise<void> {
  await execa(resolveBinary('ffmpeg'), ['-v', 'error', '-y', ...args], { timeout: 120_000 });
}

const picture = (size: string, rate: number, seconds: number) => ['-f', 'lavfi', '-i', `testsrc2=s=${size}:r=${rate}:d=${seconds}`];
const tone = (seconds: number, freq = 440) => ['-f', 'lavfi', '-i', `sine=f=${freq}:r=48000:d=${seconds}`];

/** Every kind of file the import takes, plus broken ones, written into `dir`. */
export async function makeMediaFiles(dir: string): Promise<Record<string, string>> {
  fs.mkdirSync(dir, { recursive: true });
  const f = (name: string) => path.join(dir, name);
  await Promise.all([
    ffmpeg([...picture('320x240', 30, 3), ...tone(3), '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', '-movflags', '+faststart', f('with-sound.mp4')]),
    ffmpeg([...picture('240x320', 60, 2), '-c:v', 'libx265', '-x265-params', 'log-level=error', '-pix_fmt', 'yuv420p10le', f('ten-bit-60fps.mkv')]),
    ffmpeg([...picture('320x240', 25, 2), '-vf', 'scale=321:241', '-c:v', 'libvpx-vp9', '-deadline', 'realtime', '-cpu-used', '8', f('odd-size.webm')]),
    // Rotation metadata sticks on a stream copy (as a phone writes it), not on an encode.
    ffmpeg([...picture('320x240', 30, 2), '-c:v', 'libx264', '-pix_fmt', 'yuv420p', f('upright.mov')]).then(() => ffmpeg(['-i', f('upright.mov'), '-c', 'copy', '-metadata:s:v:0', 'rotate=90', f('rotated.mov')])),
    ffmpeg([...tone(2), f('tone.wav')]),
    ffmpeg([...tone(2), '-c:a', 'libmp3lame', f('tone.mp3')]),
    ffmpeg([...tone(2), '-c:a', 'aac', f('tone.m4a')]),
    ffmpeg([...tone(2), '-c:a', 'libopus', f('tone.opus')]),
    ffmpeg([...tone(2), '-c:a', 'flac', f('tone.flac')]),
  ]);
  // A video whose end is missing (the index at the front says 3 s), and bytes that are no video at all.
  const whole = fs.readFileSync(f('with-sound.mp4'));
  fs.writeFileSync(f('truncated.mp4'), whole.subarray(0, Math.floor(whole.length * 0.4)));
  fs.writeFileSync(f('not-a-video.mp4'), Buffer.from('<html>404 not found</html>'.repeat(40)));
  fs.writeFileSync(f('captions.srt'), '1\n00:00:00,500 --> 00:00:01,500\nWhat if\n\n2\n00:00:02,000 --> 00:00:02,800\nthe Moon vanished?\n');
  fs.writeFileSync(f('broken.srt'), '1\n00:00:00,500 --> 00:00:01,500\nfine\n\n2\n00:00:03,000 -> 00:00:04,000\nbroken arrow\n');
  fs.writeFileSync(f('notes.txt'), 'hello');
  return Object.fromEntries(fs.readdirSync(dir).map((n) => [n, f(n)]));
}
