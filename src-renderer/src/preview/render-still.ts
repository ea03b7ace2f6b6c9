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
import { previewVideoUrl } from './proxy-source.js';
import { seekedVideo } from './video-sync.js';

export function fontNeeds(doc: ProjectDocument): { font: string; bold: boolean; text: string }[] {
  return [
    ...doc.tracks.text.map((c) => ({ font: c.style.font, bold: c.style.bold, text: c.text })),
    ...doc.tracks.captions.cues.map((c) => ({ font: doc.tracks.captions.style.font, bold: doc.tracks.captions.style.bold, text: c.text })),
  ];
}

export async function renderStill(doc: ProjectDocument, projectId: string, t: number): Promise<HTMLCanvasElement> {
  const plan = framePlan(doc, t);
  const images = new Map<string, HTMLImageElement>();
  const videos = new Map<string, HTMLVideoElement>();
  const layers = [...plan.images.map((l) => ({ clip: l.clip, video: l.video ?? null })), ...plan.overlays];
  await Promise.all(
    layers.map(async (l) => {
      if (l.video) {
        // A video whose preview copy is still being made is left out (the page shows a placeholder).
        const url = previewVideoUrl(doc, projectId, l.clip.assetId);
        if (url) videos.set(l.clip.id, await seekedVideo(url, l.video.time));
      } else images.set(l.clip.assetId, await loadImage(mediaUrl(projectId, l.clip.assetId)));
    }),
  );
  await ensureFonts(fontNeeds(doc));
  const canvas = document.createElement('canvas');
  canvas.width = plan.frame.width;
  canvas.height = plan.frame.height;
  drawFrame(canvas.getContext('2d')!, plan, (id) => images.get(id) ?? null, 1, (clip) => videos.get(clip.id) ?? null);
  for (const el of videos.values()) el.removeAttribute('src');
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
