import { describe, expect, it } from 'vitest';
import { AppError } from '../../src-main/errors.js';
import { nextRound, normaliseFilter, parseIntegratedLoudness, TARGET_LUFS } from '../../src-main/media/audio/loudness.js';
import { runPool } from '../../src-main/media/export/run-pool.js';

// ffmpeg 5.1's ebur128 summary, as printed at the end of a run.
const summary = (i: string) => `[Parsed_ebur128_0 @ 0x1] t: 59.9  TARGET:-23 LUFS    M: -21.0 S: -20.9     I: -30.0 LUFS       LRA:   3.1 LU
[Parsed_ebur128_0 @ 0x1] Summary:

  Integrated loudness:
    I:         ${i} LUFS
    Threshold: -33.5 LUFS

  Loudness range:
    LRA:         3.4 LU
`;

describe('loudness normalisation', () => {
  it("reads the integrated loudness from ebur128's summary, not from a frame line", () => {
    expect(parseIntegratedLoudness(summary('-23.4'))).toBe(-23.4);
    expect(parseIntegratedLoudness(summary('-70.0'))).toBe(-70);
    // A complex graph is set up twice: the first instance's empty summary comes before the real one.
    expect(parseIntegratedLoudness(summary('-70.0') + summary('-23.0'))).toBe(-23);
    expect(parseIntegratedLoudness('no summary here I: -12.0 LUFS')).toBeNull();
  });

  it('brings the measured loudness to -14 LUFS with one gain and a 4x oversampled limiter', () => {
    const f = normaliseFilter(-23.1);
    expect(f).toMatch(/^volume=9\.10dB,aresample=192000,alimiter=.*,aresample=48000$/);
    expect(normaliseFilter(-23.1, 0.6)).toContain('volume=9.70dB');
    // The measuring rounds' estimate: the same gain and limiter, without the oversampling.
    expect(normaliseFilter(-23.1, 0.6, true)).toMatch(/^volume=9\.70dB,alimiter=[^,]*$/);
    // A silent mix is passed through: a gain would only lift noise.
    expect(normaliseFilter(-70)).toBe('anull');
    expect(normaliseFilter(-Infinity)).toBe('anull');
  });

  it('adds back what the limiter took, following the measured slope, until a round lands within 0.25 LU', () => {
    expect(nextRound([]).correctionDb).toBe(0);
    expect(nextRound([{ correctionDb: 0, outputLufs: TARGET_LUFS - 0.1 }])).toEqual({ done: true, correctionDb: 0 });
    // First step: all that was missed.
    const second = nextRound([{ correctionDb: 0, outputLufs: -15.3 }]);
    expect(second.done).toBe(false);
    expect(second.correctionDb).toBeCloseTo(1.3, 6);
    // The limiter ate half of it: the next step is twice what is still missed (0.7 / 0.46).
    const third = nextRound([{ correctionDb: 0, outputLufs: -15.3 }, { correctionDb: 1.3, outputLufs: -14.7 }]);
    expect(third.correctionDb).toBeCloseTo(1.3 + 0.7 / (0.6 / 1.3), 6);
    // Bounded: a strange measurement cannot blow the gain up, nor a flat slope.
    expect(nextRound([{ correctionDb: 7, outputLufs: -30 }]).correctionDb).toBe(8);
    expect(nextRound([{ correctionDb: 0, outputLufs: -15 }, { correctionDb: 1, outputLufs: -15 }]).correctionDb).toBe(6);
    expect(nextRound([{ correctionDb: 0, outputLufs: null }]).done).toBe(true);
  });
});

describe('runPool', () => {
  it('keeps the failure that stopped the others, not the cancellation it caused', async () => {
    const abort = new AbortController();
    const order: string[] = [];
    const failing = new AppError('internal', 'ffmpeg failed making the video');
    const pool = runPool(2, 2, async (i) => {
      if (i === 0) {
        // Stopped by the abort: settles first, as 'cancelled'.
        await new Promise((resolve) => abort.signal.addEventListener('abort', resolve));
        order.push('cancelled');
        throw new AppError('cancelled', 'Cancelled.');
      }
      // Like the export's picture task: its own chunk pool aborts everything on a chunk's failure and
      // rethrows only after its other chunk has settled, so the real error arrives last.
      await new Promise((resolve) => setTimeout(resolve, 10));
      abort.abort();
      await new Promise((resolve) => setTimeout(resolve, 10));
      order.push('failed');
      throw failing;
    }, abort);
    await expect(pool).rejects.toBe(failing);
    expect(order).toEqual(['cancelled', 'failed']);
  });

  it('runs at most `width` tasks at once and every task once', async () => {
    let running = 0;
    let peak = 0;
    const seen: number[] = [];
    await runPool(7, 3, async (i) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      seen.push(i);
      running--;
    }, new AbortController());
    expect(peak).toBe(3);
    expect(seen.sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });
});
