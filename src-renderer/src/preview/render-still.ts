/**
 * One preview frame at full output size, off screen: the preview's own drawing code, awaited until
 * the images and fonts it needs are loaded. The parity test and the export dialog's poster use it.
 */
import type { ProjectDocument } from '../../../src-main/project/document.js';
import { mediaUrl } from '../ipc/client.js';
import { loadImage } from '../panels/timeline/media-cache.js';
import { drawFrame } from './draw.js';
import { ensureFonts } from './fonts.js';
import { framePlan } from './frame.js';

export function fontNeeds(doc: ProjectDocument): { font: string; bold: boolean; text: string }[] {
  return [
    ...doc.tracks.text.map((c) => ({ font: c.style.font, bold: c.style.bold, text: c.text })),
    ...doc.tracks.captions.cues.map((c) => ({ font: doc.tracks.captions.style.font, bold: doc.tracks.captions.style.bold, text: c.text })),
  ];
}

export async function renderStill(doc: ProjectDocument, projectId: string, t: number): Promise<HTMLCanvasElement> {
  const plan = framePlan(doc, t);
  const images = new Map<string, HTMLImageElement>();
  await Promise.all(plan.images.map(async (l) => images.set(l.clip.assetId, await loadImage(mediaUrl(projectId, l.clip.assetId)))));
  await ensureFonts(fontNeeds(doc));
  const canvas = document.createElement('canvas');
  canvas.width = plan.frame.width;
  canvas.height = plan.frame.height;
  drawFrame(canvas.getContext('2d')!, plan, (id) => images.get(id) ?? null, 1);
  return canvas;
}

declare global {
  interface Window {
    /** The preview's still renderer, for the preview-parity test (test/e2e/parity.test.ts). */
    whatifPreview?: { renderPng(doc: ProjectDocument, projectId: string, t: number): Promise<string> };
  }
}

if (typeof window !== 'undefined') {
  window.whatifPreview = { renderPng: async (doc, projectId, t) => (await renderStill(doc, projectId, t)).toDataURL('image/png') };
}
