/**
 * The H.264 encoders an export can use, pure: libx264 (software, always there) and the hardware
 * encoders of the platforms we ship on, each with arguments matched to our three quality presets
 * (draft, standard, high: about the same visual quality as libx264's CRF 26/20/17 at each
 * encoder's usual rate control). Whether one works on this machine is found by a trial encode
 * (detect.ts); which one an export uses follows the user's setting (`auto` or `software`).
 */
import type { Quality } from '../../project/document.js';

export interface EncoderSpec {
  /** ffmpeg's encoder name. */
  id: string;
  /** What the page and the job messages call it. */
  label: string;
  hardware: boolean;
  /** Arguments before the inputs (a device to open). */
  globalArgs: string[];
  /** A filter appended to the picture before it reaches the encoder (upload to the GPU). */
  filter: string | null;
  /** Encoder arguments for a quality (codec, rate control, pixel format). */
  args: (quality: Quality) => string[];
}

/**
 * x264 per quality. `standard` is veryfast with subme=1: on Ken Burns pictures (every block moves a
 * little) it encodes in ~60% of veryfast's time at the same PSNR and a ~4% larger file (measured on
 * the demo, docs/export.md).
 */
export const X264: Record<Quality, { preset: string; crf: number; params?: string }> = {
  draft: { preset: 'ultrafast', crf: 26 },
  standard: { preset: 'veryfast', crf: 20, params: 'subme=1' },
  high: { preset: 'medium', crf: 17 },
};

const by = <T>(values: Record<Quality, T>) => (q: Quality) => values[q];
const cq = by({ draft: '28', standard: '23', high: '19' });

export const SOFTWARE: EncoderSpec = {
  id: 'libx264',
  label: 'x264 (software)',
  hardware: false,
  globalArgs: [],
  filter: null,
  args: (quality) => {
    const q = X264[quality];
    return ['-c:v', 'libx264', '-preset', q.preset, ...(q.params ? ['-x264-params', q.params] : []), '-crf', String(q.crf), '-pix_fmt', 'yuv420p'];
  },
};

/** Hardware H.264 encoders, in the order `auto` prefers them. */
export const HARDWARE: readonly EncoderSpec[] = [
  { id: 'h264_videotoolbox', label: 'VideoToolbox (Apple)', hardware: true, globalArgs: [], filter: null, args: (q) => ['-c:v', 'h264_videotoolbox', '-q:v', by({ draft: '50', standard: '62', high: '72' })(q), '-pix_fmt', 'yuv420p'] },
  { id: 'h264_nvenc', label: 'NVENC (NVIDIA)', hardware: true, globalArgs: [], filter: null, args: (q) => ['-c:v', 'h264_nvenc', '-preset', 'p4', '-rc', 'vbr', '-cq', cq(q), '-b:v', '0', '-pix_fmt', 'yuv420p'] },
  { id: 'h264_qsv', label: 'Quick Sync (Intel)', hardware: true, globalArgs: [], filter: null, args: (q) => ['-c:v', 'h264_qsv', '-preset', 'veryfast', '-global_quality', cq(q), '-pix_fmt', 'nv12'] },
  { id: 'h264_amf', label: 'AMF (AMD)', hardware: true, globalArgs: [], filter: null, args: (q) => ['-c:v', 'h264_amf', '-quality', 'balanced', '-rc', 'cqp', '-qp_i', cq(q), '-qp_p', cq(q), '-pix_fmt', 'yuv420p'] },
  { id: 'h264_vaapi', label: 'VA-API (Linux)', hardware: true, globalArgs: ['-vaapi_device', '/dev/dri/renderD128'], filter: 'format=nv12,hwupload', args: (q) => ['-c:v', 'h264_vaapi', '-qp', cq(q)] },
  { id: 'h264_mf', label: 'Media Foundation (Windows)', hardware: true, globalArgs: [], filter: null, args: (q) => ['-c:v', 'h264_mf', '-hw_encoding', '1', '-rate_control', 'quality', '-quality', by({ draft: '60', standard: '75', high: '85' })(q), '-pix_fmt', 'nv12'] },
];

export type EncoderChoice = 'auto' | 'software';

/** The encoder an export uses: the first working hardware encoder when allowed, else libx264. */
export function chooseEncoder(choice: EncoderChoice, working: readonly string[]): EncoderSpec {
  if (choice === 'software') return SOFTWARE;
  return HARDWARE.find((e) => working.includes(e.id)) ?? SOFTWARE;
}

/** The names listed by `ffmpeg -encoders` (lines like " V....D h264_nvenc  NVIDIA NVENC H.264 encoder"). */
export function parseEncoderList(text: string): Set<string> {
  const names = new Set<string>();
  for (const line of text.split('\n')) {
    const m = /^\s*[VAS][.A-Z]{5}\s+(\S+)/.exec(line);
    if (m) names.add(m[1]!);
  }
  return names;
}
