/**
 * The estimate shown before a batch (pure): images per model that will really call KIE (cache hits
 * cost nothing), credits from the dated table in providers/kie/models.ts, and whether the cap allows it.
 */
import { appError } from '../errors.js';
import { CREDITS_TABLE_DATE } from '../providers/kie/models.js';
import type { SceneRequest } from './scene-request.js';

export interface CostEstimate {
  perModel: { model: string; label: string; images: number; creditsPerImage: number; credits: number }[];
  cached: number;
  totalCredits: number;
  cap: number;
  withinCap: boolean;
  tableDate: string;
  warnings: string[];
}

export function estimateCost(requests: { request: SceneRequest; cached: boolean }[], cap: number): CostEstimate {
  const perModel = new Map<string, CostEstimate['perModel'][number]>();
  let cached = 0;
  for (const { request, cached: hit } of requests) {
    if (hit) {
      cached++;
      continue;
    }
    const m = request.model;
    const entry = perModel.get(m.id) ?? { model: m.id, label: m.label, images: 0, creditsPerImage: m.creditsPerImage, credits: 0 };
    entry.images++;
    entry.credits += m.creditsPerImage;
    perModel.set(m.id, entry);
  }
  const totalCredits = [...perModel.values()].reduce((t, e) => t + e.credits, 0);
  return {
    perModel: [...perModel.values()],
    cached,
    totalCredits,
    cap,
    withinCap: totalCredits <= cap,
    tableDate: CREDITS_TABLE_DATE,
    warnings: requests.flatMap(({ request }) => request.warnings),
  };
}

export function assertWithinCap(estimate: CostEstimate): void {
  if (estimate.withinCap) return;
  throw appError('invalid_input', 'images.overCap', { cap: estimate.cap, totalCredits: estimate.totalCredits });
}
