// Draws the app icon procedurally (no downloaded art): node resources/icons/generate.mjs
// Writes icon.png (512, used by electron-builder for Windows/macOS) and 512x512.png + 256x256.png
// (the Linux icon set electron-builder reads from this folder).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const here = path.dirname(fileURLToPath(import.meta.url));

const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1024" height="1024" viewBox="0 0 1024 1024">
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="#6d28d9"/><stop offset="1" stop-color="#db2777"/>
    </linearGradient>
  </defs>
  <rect x="32" y="32" width="960" height="960" rx="208" fill="url(#bg)"/>
  <rect x="352" y="176" width="320" height="560" rx="48" fill="none" stroke="#fff" stroke-width="40" opacity="0.9"/>
  <path d="M440 380 q0 -80 72 -80 q72 0 72 72 q0 56 -72 80 v56" fill="none" stroke="#fff" stroke-width="56" stroke-linecap="round"/>
  <circle cx="512" cy="612" r="34" fill="#fff"/>
  <polygon points="470,800 470,880 540,840" fill="#fff"/>
</svg>`;

const base = sharp(Buffer.from(svg));
for (const [name, size] of [['icon.png', 512], ['512x512.png', 512], ['256x256.png', 256]]) {
  await base.clone().resize(size, size).png().toFile(path.join(here, name));
}
console.log('icons written to', here);
