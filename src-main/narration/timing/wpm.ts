/**
 * Words per minute → each engine's rate control. Pure. Two rate models:
 *   inverse: wpm = a / rate     (Piper length_scale: every phoneme lasts length_scale times longer)
 *   linear:  wpm = a · rate + b (espeak-ng -s, say -r: nominal wpm that the engine does not quite keep)
 * `a`, `b` come from calibration (calibration.ts): the engine reads a known passage once at one
 * (inverse) or two (linear) rates, and its measured wpm (speech-time.ts) fixes the constants.
 */
export const MIN_WPM = 120;
export const MAX_WPM = 240;

export interface RateModel {
  kind: 'inverse' | 'linear';
  min: number;
  max: number;
  /** Rates the calibration passage is read at. */
  calibrationRates: number[];
  /** What the rate is called in messages (length_scale, -s ...). */
  name: string;
}

export interface Calibration {
  kind: 'inverse' | 'linear';
  a: number;
  b: number;
}

export function fitCalibration(model: RateModel, points: { rate: number; wpm: number }[]): Calibration {
  if (model.kind === 'inverse') {
    const a = points.reduce((sum, p) => sum + p.wpm * p.rate, 0) / points.length;
    return { kind: 'inverse', a, b: 0 };
  }
  const [p, q] = points as [{ rate: number; wpm: number }, { rate: number; wpm: number }];
  const a = (q.wpm - p.wpm) / (q.rate - p.rate);
  return { kind: 'linear', a, b: p.wpm - a * p.rate };
}

export function predictedWpm(calibration: Calibration, rate: number): number {
  return calibration.kind === 'inverse' ? calibration.a / rate : calibration.a * rate + calibration.b;
}

export interface RateChoice {
  rate: number;
  /** The wpm the engine is expected to deliver (differs from the request when clamped). */
  expectedWpm: number;
  clamped: boolean;
}

export function rateForWpm(model: RateModel, calibration: Calibration, wpm: number): RateChoice {
  const raw = calibration.kind === 'inverse' ? calibration.a / wpm : (wpm - calibration.b) / calibration.a;
  const rate = Math.max(model.min, Math.min(model.max, Number.isFinite(raw) ? raw : 1));
  return { rate, expectedWpm: predictedWpm(calibration, rate), clamped: Math.abs(rate - raw) > 1e-9 };
}
