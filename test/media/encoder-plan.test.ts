import { describe, expect, it } from 'vitest';
import { ENCODER_BUDGET_MB, encoderMemoryMb, planEncoders } from '../../src-main/media/encoders/encoder-plan.js';
import { encoderArgs } from '../../src-main/media/render/chunk-graph.js';
import { HARDWARE, SOFTWARE } from '../../src-main/media/encoders/encoders.js';

const TALL = { width: 1080, height: 1920 };
const SMALL = { width: 360, height: 640 };

describe('encoder plan (how many segment encoders at once, threads each)', () => {
  it('encodes a 1080x1920 export one segment at a time on 2 cores, a thread per core', () => {
    expect(planEncoders({ cores: 2, size: TALL, quality: 'standard' })).toEqual({ parallel: 1, threads: 2 });
    expect(planEncoders({ cores: 2, size: TALL, quality: 'high' })).toEqual({ parallel: 1, threads: 2 });
    expect(planEncoders({ cores: 8, size: TALL, quality: 'standard' })).toEqual({ parallel: 1, threads: 8 });
  });

  it('keeps two encoders at once when both fit the budget', () => {
    expect(planEncoders({ cores: 2, size: SMALL, quality: 'standard' })).toEqual({ parallel: 2, threads: 1 });
    expect(planEncoders({ cores: 4, size: SMALL, quality: 'draft' })).toEqual({ parallel: 2, threads: 2 });
    // ultrafast holds no look-ahead and no B-frames: even 1080x1920 fits twice
    expect(planEncoders({ cores: 2, size: TALL, quality: 'draft' })).toEqual({ parallel: 2, threads: 1 });
  });

  it('uses one encoder with one thread on one core, and follows the budget it is given', () => {
    expect(planEncoders({ cores: 1, size: SMALL, quality: 'draft' })).toEqual({ parallel: 1, threads: 1 });
    expect(planEncoders({ cores: 0.5, size: TALL, quality: 'high' })).toEqual({ parallel: 1, threads: 1 });
    expect(planEncoders({ cores: 2, size: TALL, quality: 'standard', budgetMb: 10_000 })).toEqual({ parallel: 2, threads: 1 });
    expect(planEncoders({ cores: 2, size: SMALL, quality: 'standard', budgetMb: 100 })).toEqual({ parallel: 1, threads: 2 });
  });

  it('estimates memory near what x264 was measured to hold (1080x1920, Debian ffmpeg 5.1)', () => {
    // measured: veryfast 215 MB (1 thread), 269 (2), 293 (3); ultrafast 97 (1); medium 422 (1)
    const measured: Array<[Parameters<typeof encoderMemoryMb>[1], number, number]> = [
      ['standard', 1, 215],
      ['standard', 2, 269],
      ['standard', 3, 293],
      ['draft', 1, 97],
      ['high', 1, 422],
    ];
    for (const [quality, threads, mb] of measured) {
      const estimate = encoderMemoryMb(TALL, quality, threads);
      expect(estimate).toBeGreaterThanOrEqual(mb);
      expect(estimate).toBeLessThan(mb * 1.4);
    }
    // it grows with the frame's area and the threads, never with the project's length (no such input)
    expect(encoderMemoryMb(SMALL, 'standard', 1)).toBeLessThan(encoderMemoryMb(TALL, 'standard', 1) / 2);
    expect(encoderMemoryMb(TALL, 'standard', 4)).toBeGreaterThan(encoderMemoryMb(TALL, 'standard', 2));
    expect(2 * encoderMemoryMb(TALL, 'standard', 1)).toBeGreaterThan(ENCODER_BUDGET_MB);
  });

  it('passes the threads to libx264 only (a hardware encoder keeps its own arguments)', () => {
    const args = encoderArgs(SOFTWARE, 'standard', 30, 2);
    expect(args.slice(args.indexOf('-threads'), args.indexOf('-threads') + 2)).toEqual(['-threads', '2']);
    expect(encoderArgs(SOFTWARE, 'standard', 30)).not.toContain('-threads');
    expect(encoderArgs(HARDWARE[1]!, 'standard', 30, 2)).not.toContain('-threads');
  });
});
