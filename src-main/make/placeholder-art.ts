/**
 * Placeholder art made on this machine (no download, no key): a vertical gradient whose colours come
 * from the scene's prompt, a large scene number and the first words of the prompt, drawn by sharp from
 * SVG at the output's size. Deterministic: the same prompt gives the same picture (and the same asset).
 */
import crypto from 'node:crypto';
import sharp from 'sharp';

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** Up to `lines` lines of at most `width` characters. */
export function wrapWords(text: string, width: number, lines: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if ((line ? `${line} ${word}` : word).length > width) {
      if (line) out.push(line);
      line = word.slice(0, width);
      if (out.length === lines) break;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line && out.length < lines) out.push(line);
  return out;
}

export async function placeholderArt(input: { index: number; prompt: string; width: number; height: number }): Promise<Buffer> {
  const { width, height } = input;
  const hash = crypto.createHash('sha256').update(input.prompt).digest();
  const hue = (hash[0]! * 360) / 256;
  const hue2 = (hue + 40 + (hash[1]! % 80)) % 360;
  const unit = Math.min(width, height);
  const lines = wrapWords(input.prompt, 22, 5);
  const lineHeight = Math.round(unit * 0.065);
  const textTop = Math.round(height * 0.42);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
  <defs><linearGradient id="g" x1="0" y1="0" x2="0.4" y2="1">
    <stop offset="0" stop-color="hsl(${hue.toFixed(0)},55%,42%)"/><stop offset="1" stop-color="hsl(${hue2.toFixed(0)},60%,14%)"/>
  </linearGradient></defs>
  <rect width="100%" height="100%" fill="url(#g)"/>
  <circle cx="${(width * (0.25 + (hash[2]! / 255) * 0.5)).toFixed(0)}" cy="${(height * 0.22).toFixed(0)}" r="${(unit * 0.28).toFixed(0)}" fill="hsl(${hue2.toFixed(0)},70%,70%)" fill-opacity="0.25"/>
  <text x="50%" y="${Math.round(height * 0.22 + unit * 0.11)}" text-anchor="middle" font-family="Inter, DejaVu Sans, sans-serif" font-weight="700" font-size="${Math.round(unit * 0.32)}" fill="#FFFFFF" fill-opacity="0.85">${input.index + 1}</text>
  ${lines.map((l, i) => `<text x="50%" y="${textTop + i * lineHeight}" text-anchor="middle" font-family="Inter, DejaVu Sans, sans-serif" font-size="${Math.round(unit * 0.05)}" fill="#FFFFFF" fill-opacity="0.8">${escapeXml(l)}</text>`).join('\n  ')}
</svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 88 }).toBuffer();
}
