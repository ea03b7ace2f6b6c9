/**
 * Procedural art for the sample project: layered SVG (sky, stars, moon, sea, hills, city, forest,
 * planet) drawn from a seeded random generator and rasterised by sharp. Nothing is copied from the web.
 */
import sharp from 'sharp';

export type Layer = 'stars' | 'moon' | 'bigmoon' | 'sea' | 'shore' | 'hills' | 'city' | 'forest' | 'eyes' | 'planet' | 'sun' | 'split' | 'telescope' | 'milkyway';

export interface ArtSpec {
  seed: number;
  sky: [string, string, string];
  layers: Layer[];
}

export function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return ((s >>> 0) % 1_000_000) / 1_000_000;
  };
}

function stars(r: () => number, w: number, h: number, count: number, maxY: number): string {
  let out = '';
  for (let i = 0; i < count; i++) {
    const x = r() * w;
    const y = r() * h * maxY;
    const size = r() < 0.08 ? 2.6 + r() * 2 : 0.6 + r() * 1.6;
    out += `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="${size.toFixed(2)}" fill="#fff" opacity="${(0.35 + r() * 0.65).toFixed(2)}"/>`;
  }
  return out;
}

function moon(r: () => number, cx: number, cy: number, rad: number): string {
  let craters = '';
  for (let i = 0; i < 14; i++) {
    const a = r() * Math.PI * 2;
    const d = Math.sqrt(r()) * rad * 0.8;
    craters += `<circle cx="${(cx + Math.cos(a) * d).toFixed(1)}" cy="${(cy + Math.sin(a) * d).toFixed(1)}" r="${(rad * (0.04 + r() * 0.12)).toFixed(1)}" fill="#9aa0b4" opacity="0.45"/>`;
  }
  return `<circle cx="${cx}" cy="${cy}" r="${rad * 2.2}" fill="url(#glow)"/><circle cx="${cx}" cy="${cy}" r="${rad}" fill="url(#moonfill)"/>${craters}`;
}

function ridge(r: () => number, w: number, base: number, amp: number, color: string, steps = 14): string {
  let d = `M0 ${base}`;
  for (let i = 0; i <= steps; i++) d += ` L${((i / steps) * w).toFixed(0)} ${(base - r() * amp).toFixed(0)}`;
  return `<path d="${d} L${w} 99999 L0 99999 Z" fill="${color}"/>`;
}

function sea(r: () => number, w: number, h: number, top: number): string {
  let out = `<rect x="0" y="${top}" width="${w}" height="${h - top}" fill="url(#seafill)"/>`;
  for (let i = 0; i < 38; i++) {
    const y = top + Math.pow(r(), 1.6) * (h - top);
    const x = r() * w;
    const len = 40 + r() * 220 * ((y - top) / (h - top) + 0.2);
    out += `<rect x="${x.toFixed(0)}" y="${y.toFixed(0)}" width="${len.toFixed(0)}" height="${(2 + r() * 4).toFixed(1)}" rx="2" fill="#cfe3ff" opacity="${(0.15 + r() * 0.35).toFixed(2)}"/>`;
  }
  return out;
}

function city(r: () => number, w: number, h: number): string {
  let out = '';
  let x = -20;
  while (x < w) {
    const bw = 60 + r() * 110;
    const bh = h * (0.12 + r() * 0.25);
    const y = h - bh;
    out += `<rect x="${x.toFixed(0)}" y="${y.toFixed(0)}" width="${bw.toFixed(0)}" height="${bh.toFixed(0)}" fill="#0b0f1c"/>`;
    for (let wy = y + 20; wy < h - 20; wy += 34) {
      for (let wx = x + 12; wx < x + bw - 18; wx += 26) {
        if (r() < 0.3) out += `<rect x="${wx.toFixed(0)}" y="${wy.toFixed(0)}" width="12" height="18" fill="#ffd27a" opacity="${(0.5 + r() * 0.5).toFixed(2)}"/>`;
      }
    }
    x += bw + 4;
  }
  return out;
}

function forest(r: () => number, w: number, h: number): string {
  let out = '';
  for (let i = 0; i < 26; i++) {
    const x = r() * w;
    const th = h * (0.25 + r() * 0.3);
    const tw = 90 + r() * 120;
    out += `<path d="M${x.toFixed(0)} ${(h - th).toFixed(0)} L${(x + tw / 2).toFixed(0)} ${h} L${(x - tw / 2).toFixed(0)} ${h} Z" fill="#06140f" opacity="${(0.75 + r() * 0.25).toFixed(2)}"/>`;
  }
  return out;
}

function layer(name: Layer, r: () => number, w: number, h: number): string {
  switch (name) {
    case 'stars':
      return stars(r, w, h, 260, 0.7);
    case 'milkyway':
      return `<ellipse cx="${w * 0.5}" cy="${h * 0.35}" rx="${w * 0.9}" ry="${h * 0.09}" transform="rotate(-32 ${w / 2} ${h * 0.35})" fill="url(#band)"/>` + stars(r, w, h, 900, 0.75);
    case 'moon':
      return moon(r, w * 0.68, h * 0.24, w * 0.13);
    case 'bigmoon':
      return moon(r, w * 0.5, h * 0.36, w * 0.3);
    case 'sea':
      return sea(r, w, h, h * 0.62);
    case 'shore':
      return sea(r, w, h, h * 0.55) + `<path d="M0 ${h * 0.78} C ${w * 0.35} ${h * 0.7}, ${w * 0.6} ${h * 0.9}, ${w} ${h * 0.82} L${w} ${h} L0 ${h} Z" fill="#c9a46a"/><path d="M0 ${h * 0.86} C ${w * 0.4} ${h * 0.8}, ${w * 0.7} ${h * 0.97}, ${w} ${h * 0.9} L${w} ${h} L0 ${h} Z" fill="#a7834f"/>`;
    case 'hills':
      return ridge(r, w, h * 0.72, h * 0.12, '#1b2440') + ridge(r, w, h * 0.82, h * 0.1, '#121a30');
    case 'city':
      return city(r, w, h);
    case 'forest':
      return forest(r, w, h);
    case 'eyes': {
      let out = '';
      for (let i = 0; i < 5; i++) {
        const x = w * (0.15 + r() * 0.7);
        const y = h * (0.72 + r() * 0.15);
        out += `<circle cx="${x.toFixed(0)}" cy="${y.toFixed(0)}" r="9" fill="#f4e36b"/><circle cx="${(x + 34).toFixed(0)}" cy="${y.toFixed(0)}" r="9" fill="#f4e36b"/>`;
      }
      return out;
    }
    case 'planet':
      return `<circle cx="${w / 2}" cy="${h * 0.5}" r="${w * 0.36}" fill="url(#earth)"/><path d="M${w * 0.5 - 80} ${h * 0.5 - w * 0.5} L${w * 0.5 + 80} ${h * 0.5 + w * 0.5}" stroke="#ffffff" stroke-width="6" stroke-dasharray="24 14" opacity="0.8"/>`;
    case 'sun':
      return `<circle cx="${w * 0.5}" cy="${h * 0.7}" r="${w * 0.5}" fill="url(#sunglow)"/><circle cx="${w * 0.5}" cy="${h * 0.7}" r="${w * 0.16}" fill="#ffe7a3"/>` + ridge(r, w, h * 0.76, h * 0.08, '#3a2331') + ridge(r, w, h * 0.85, h * 0.06, '#24141f');
    case 'split':
      return `<rect x="0" y="0" width="${w / 2}" height="${h}" fill="#bfe3ff" opacity="0.55"/><rect x="${w / 2}" y="0" width="${w / 2}" height="${h}" fill="#ff7b39" opacity="0.55"/><circle cx="${w * 0.75}" cy="${h * 0.28}" r="${w * 0.12}" fill="#fff1b8"/>` + stars(r, w / 2, h, 120, 1).replace(/fill="#fff"/g, 'fill="#ffffff"');
    case 'telescope':
      return `<g transform="translate(${w * 0.3} ${h * 0.78}) rotate(-35)"><rect x="0" y="-40" width="${w * 0.45}" height="80" rx="14" fill="#20283f"/><rect x="${w * 0.42}" y="-52" width="40" height="104" rx="10" fill="#2d3756"/></g><path d="M${w * 0.32} ${h * 0.79} L${w * 0.22} ${h} M${w * 0.32} ${h * 0.79} L${w * 0.42} ${h}" stroke="#20283f" stroke-width="18"/>`;
  }
}

export function artSvg(spec: ArtSpec, w: number, h: number): string {
  const r = rng(spec.seed);
  const [a, b, c] = spec.sky;
  const defs = `<defs>
<linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${a}"/><stop offset="0.55" stop-color="${b}"/><stop offset="1" stop-color="${c}"/></linearGradient>
<radialGradient id="glow"><stop offset="0" stop-color="#fdf6d8" stop-opacity="0.55"/><stop offset="1" stop-color="#fdf6d8" stop-opacity="0"/></radialGradient>
<radialGradient id="moonfill" cx="0.4" cy="0.35"><stop offset="0" stop-color="#fffdf0"/><stop offset="0.7" stop-color="#e4e1d3"/><stop offset="1" stop-color="#b9b7ad"/></radialGradient>
<linearGradient id="seafill" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#1d3c6e"/><stop offset="1" stop-color="#08152c"/></linearGradient>
<radialGradient id="earth" cx="0.35" cy="0.35"><stop offset="0" stop-color="#6fc3ff"/><stop offset="0.6" stop-color="#1f6fb2"/><stop offset="1" stop-color="#0a2546"/></radialGradient>
<radialGradient id="sunglow"><stop offset="0" stop-color="#ffcf70" stop-opacity="0.9"/><stop offset="1" stop-color="#ff6a3d" stop-opacity="0"/></radialGradient>
<radialGradient id="band"><stop offset="0" stop-color="#c9c3ff" stop-opacity="0.35"/><stop offset="1" stop-color="#c9c3ff" stop-opacity="0"/></radialGradient>
</defs>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">${defs}<rect width="100%" height="100%" fill="url(#sky)"/>${spec.layers.map((l) => layer(l, r, w, h)).join('')}</svg>`;
}

export async function renderArt(spec: ArtSpec, w: number, h: number): Promise<Buffer> {
  return sharp(Buffer.from(artSvg(spec, w, h))).jpeg({ quality: 86, mozjpeg: true }).toBuffer();
}
