/**
 * What the preview plays for a video: the file itself, or its preview copy (a proxy the core makes of
 * a video the preview cannot play, src-main/media/proxy/), and which copy on screen is still being
 * made (the preview shows a placeholder over it instead of black).
 */
import type { ProjectDocument } from '../../../src-main/project/document.js';
import { mediaUrl } from '../ipc/client.js';
import { framePlan } from './frame.js';

/** The address the preview plays a video asset from; null while its preview copy is being made (or failed). */
export function previewVideoUrl(doc: ProjectDocument | null, projectId: string, assetId: string): string | null {
  const proxy = doc?.assets[assetId]?.proxy;
  if (!proxy) return mediaUrl(projectId, assetId);
  return proxy.status === 'ready' ? mediaUrl(projectId, `preview/${assetId}`) : null;
}

export interface ProxyNotice {
  status: 'making' | 'failed';
  /** The file as the user knows it ("phone.mov"). */
  name: string;
}

/** Pure: the first video on screen at t whose preview copy is not there (being made, or failed), or null. */
export function proxyNoticeAt(doc: ProjectDocument | null, t: number): ProxyNotice | null {
  if (!doc || !doc.output.width) return null;
  const plan = framePlan(doc, t);
  const clips = [...plan.images.filter((l) => l.video).map((l) => l.clip), ...plan.overlays.filter((l) => l.video).map((l) => l.clip)];
  for (const clip of clips) {
    const asset = doc.assets[clip.assetId];
    if (asset?.proxy && asset.proxy.status !== 'ready') return { status: asset.proxy.status, name: asset.originalName ?? '' };
  }
  return null;
}
