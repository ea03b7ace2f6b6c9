import { describe, expect, it } from 'vitest';
import { createProgressReader, progressFromBlock } from '../../src-main/media/ffmpeg/progress.js';
import { baseCropSize, ease, framingRect, kenBurnsRect } from '../../src-main/media/kenburns/path.js';
import { textAnchor, wrapText, approxTextWidth, textOpacity } from '../../src-main/media/text/layout.js';
import { fontForText } from '../../src-main/media/text/fonts.js';

describe('ffmpeg progress parser', () => {
  it('turns a block into percent, fps, speed and ETA', () => {
    const p = progressFromBlock({ frame: '150', fps: '60.5', out_time_us: '5000000', speed: '2.5x', progress: 'continue' }, 20);
    expect(p.percent).toBeCloseTo(25);
    expect(p.fps).toBeCloseTo(60.5);
    expect(p.speed).toBeCloseTo(2.5);
    expect(p.etaSeconds).toBeCloseTo(6);
    expect(p.frame).toBe(150);
  });
  it('reads blocks split across chunks and reports the end as 100%', () => {
    const seen: number[] = [];
    const feed = createProgressReader(10, (p) => seen.push(p.percent));
    feed('frame=1\nout_time_us=1000');
    feed('000\nspeed=N/A\nprogress=cont');
    feed('inue\nout_time_us=10000000\nprogress=end\n');
    expect(seen).toEqual([10, 100]);
  });
  it('has no ETA before ffmpeg reports a speed', () => {
    expect(progressFromBlock({ out_time: '00:00:01.500000', speed: 'N/A' }, 10).etaSeconds).toBeNull();
    expect(progressFromBlock({ out_time: '00:00:01.500000' }, 10).outSeconds).toBeCloseTo(1.5);
  });
});

describe('Ken Burns path', () => {
  const image = { width: 2000, height: 2000 };
  const out = { width: 1080, height: 1920 };
  it('zoom 1 is the largest crop of the output aspect', () => {
    expect(baseCropSize(image, out)).toEqual({ width: 1125, height: 2000 });
  });
  it('keeps the crop inside the image when the focal point is at an edge', () => {
    const r = framingRect({ zoom: 1.5, x: 1, y: 0 }, image, out);
    expect(r.x + r.w).toBeCloseTo(2000);
    expect(r.y).toBe(0);
  });
  it('interpolates sub-pixel rectangles with easing', () => {
    const kb = { from: { zoom: 1, x: 0.5, y: 0.5 }, to: { zoom: 1.2, x: 0.5, y: 0.5 }, easing: 'easeInOut' as const };
    const start = kenBurnsRect(kb, image, out, 0, 5);
    const mid = kenBurnsRect(kb, image, out, 2.5, 5);
    const end = kenBurnsRect(kb, image, out, 5, 5);
    expect(start.w).toBeCloseTo(1125);
    expect(end.w).toBeCloseTo(1125 / 1.2);
    expect(mid.w).toBeCloseTo((start.w + end.w) / 2);
    expect(kenBurnsRect(kb, image, out, 0.1, 5).w % 1).not.toBe(0);
    expect(ease('easeIn', 0.5)).toBeCloseTo(0.25);
    expect(ease('easeOut', 0.5)).toBeCloseTo(0.75);
  });
});

describe('text layout', () => {
  const frame = { width: 1080, height: 1920 };
  it('places presets inside the safe area with the matching ASS alignment', () => {
    const top = textAnchor({ preset: 'top', x: 0, y: 0 }, 'center', frame);
    expect(top).toMatchObject({ x: 540, vertical: 'top', assAlignment: 8 });
    expect(top.y).toBeGreaterThan(150);
    const bottom = textAnchor({ preset: 'bottom', x: 0, y: 0 }, 'left', frame);
    expect(bottom.assAlignment).toBe(1);
    expect(bottom.y).toBeLessThan(1920 - 300);
    expect(textAnchor({ preset: 'free', x: 0.25, y: 0.5 }, 'right', frame)).toMatchObject({ x: 270, y: 960, assAlignment: 6 });
  });
  it('wraps words within the width and breaks long CJK runs', () => {
    const lines = wrapText('What if the Moon were made of glass and everyone could see through it?', 600, 72, true);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(approxTextWidth(line, 72, true)).toBeLessThanOrEqual(600);
    expect(lines.join(' ')).toBe('What if the Moon were made of glass and everyone could see through it?');
    expect(wrapText('もしも月がガラスでできていたら世界はどうなる', 300, 60, false).length).toBeGreaterThan(1);
    expect(wrapText('one\ntwo', 1000, 40, false)).toEqual(['one', 'two']);
  });
  it('fades text only inside its range', () => {
    const clip = { start: 2, duration: 3, fadeIn: 0.5, fadeOut: 0.5 };
    expect(textOpacity(clip, 1.9)).toBe(0);
    expect(textOpacity(clip, 2.25)).toBeCloseTo(0.5);
    expect(textOpacity(clip, 3)).toBe(1);
    expect(textOpacity(clip, 5)).toBe(0);
  });
  it('uses the CJK face for CJK text', () => {
    expect(fontForText('Inter', 'hello')?.id).toBe('Inter');
    expect(fontForText('Inter', '你好')?.id).toBe('Droid Sans Fallback');
    expect(fontForText('Comic Sans', 'x')).toBeUndefined();
  });
});
