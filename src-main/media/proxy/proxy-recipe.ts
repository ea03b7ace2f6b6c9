/**
 * Preview proxies, the pure part: which videos the preview cannot play as they are, and how their
 * stand-in is made. The preview plays video through Chromium's <video> (software decoders only, no
 * GPU): by experiment with Chromium 156 (docs/preview-proxies.md) it plays H.264 in every profile
 * and pixel format tried (High 10, 4:2:2, 4:4:4, odd sizes), VP8, VP9 (profiles 0 to 3) and AV1
 * (8/10-bit, 4:4:4), and refuses HEVC (8 and 10-bit), MPEG-4 Part 2, ProRes and Motion JPEG
 * ("no supported streams"). Anything but the four it plays gets a proxy: H.264 8-bit yuv420p, at most
 * PROXY_LONG_SIDE px on its long side, the source's own frame timestamps (so VFR stays VFR), upright
 * (the display rotation applied), AAC sound. The proxy is for the preview only: the export always
 * reads the original.
 */
import crypto from 'node:crypto';
import type { Asset } from '../../project/document.js';

/** Video codecs (ffprobe's names) Chromium's software decoders play. */
export const PREVIEW_CODECS: ReadonlySet<string> = new Set(['h264', 'vp8', 'vp9', 'av1']);

export const PROXY_LONG_SIDE = 540;
export const PROXIES_DIR = 'proxies';

/** Pure: whether the preview needs a proxy of this asset (a video in a codec the preview cannot play). */
export function needsProxy(asset: Pick<Asset, 'kind' | 'codec'>): boolean {
  return asset.kind === 'video' && !PREVIEW_CODECS.has((asset.codec ?? '').toLowerCase());
}

/** Everything that decides the proxy's pixels and sound: its hash names the file, so a new recipe makes new proxies. */
const RECIPE = {
  version: 1,
  longSide: PROXY_LONG_SIDE,
  video: ['-c:v', 'libx264', '-preset', 'veryfast', '-crf', '23', '-profile:v', 'high', '-pix_fmt', 'yuv420p', '-force_key_frames', 'expr:gte(t,n_forced*1)'],
  audio: ['-c:a', 'aac', '-b:a', '128k', '-ac', '2'],
};

export const RECIPE_KEY = crypto.createHash('sha256').update(JSON.stringify(RECIPE)).digest('hex').slice(0, 10);

/** Pure: the proxy's file in the project, content-addressed by the source's hash (the asset id) and the recipe. */
export function proxyFile(asset: Pick<Asset, 'id'>): string {
  return `${PROXIES_DIR}/${asset.id.replace(/[^A-Za-z0-9_-]/g, '_')}-${RECIPE_KEY}.mp4`;
}

/**
 * Pure: the scale filter that fits the upright picture within PROXY_LONG_SIDE on its long side
 * (never enlarged), both sides even (yuv420p), square pixels, 8-bit 4:2:0.
 */
export function proxyFilter(): string {
  const n = PROXY_LONG_SIDE;
  const w = `if(gte(iw\\,ih)\\,trunc(min(${n}\\,iw)/2)*2\\,-2)`;
  const h = `if(gte(iw\\,ih)\\,-2\\,trunc(min(${n}\\,ih)/2)*2)`;
  return `scale=w=${w}:h=${h}:flags=bicubic,setsar=1,format=yuv420p`;
}

/**
 * Pure: the ffmpeg arguments (after the input's own, from user-media.ts) that write the proxy to
 * `out`: the first picture and the first sound (when there is one), frame timestamps passed through.
 */
export function proxyArgs(input: readonly string[], hasAudio: boolean, out: string): string[] {
  return [
    ...input,
    '-map', '0:v:0',
    ...(hasAudio ? ['-map', '0:a:0'] : []),
    '-vf', proxyFilter(),
    '-fps_mode', 'passthrough',
    ...RECIPE.video,
    ...(hasAudio ? RECIPE.audio : ['-an']),
    '-sn', '-dn',
    '-map_metadata', '-1',
    '-movflags', '+faststart',
    '-f', 'mp4',
    out,
  ];
}
