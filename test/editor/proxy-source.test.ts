/**
 * What the preview plays for a video with a preview copy (src-renderer/src/preview/proxy-source.ts):
 * nothing while the copy is being made or failed (the placeholder names the file on screen), the
 * copy's address once it is ready, the file itself for a video that needs no copy.
 */
import { describe, expect, it, vi } from 'vitest';
import { createEmptyDocument, makeClip, type Asset, type ProjectDocument } from '../../src-main/project/document.js';
import { previewVideoUrl, proxyNoticeAt } from '../../src-renderer/src/preview/proxy-source.js';
import { setClips } from '../helpers/tracks.js';

function project(status: NonNullable<Asset['proxy']>['status']): ProjectDocument {
  const doc = createEmptyDocument({ id: 'p1', name: 'Proxy', now: new Date(0).toISOString() });
  doc.output = { ...doc.output, width: 180, height: 320, fps: 30 };
  const video = (id: string, extra: Partial<Asset>): Asset => ({ id, kind: 'video', file: `assets/${id}.mp4`, mime: 'video/mp4', bytes: 1, width: 180, height: 320, duration: 2, source: 'import', ...extra });
  doc.assets = { a: video('a', { originalName: 'camera.mp4', codec: 'h264' }), b: video('b', { originalName: 'phone.mov', codec: 'hevc', proxy: { file: 'proxies/b-1.mp4', status } }) };
  setClips(doc, 'main', [makeClip({ id: 'c1', assetId: 'a', start: 0, duration: 2 }), makeClip({ id: 'c2', assetId: 'b', start: 2, duration: 2 })]);
  return doc;
}

describe('the preview copy of a video', () => {
  it('is announced on screen while it is being made or failed, and not once it is ready', () => {
    expect(proxyNoticeAt(project('making'), 1)).toBeNull();
    expect(proxyNoticeAt(project('making'), 3)).toEqual({ status: 'making', name: 'phone.mov' });
    expect(proxyNoticeAt(project('failed'), 2.5)).toEqual({ status: 'failed', name: 'phone.mov' });
    expect(proxyNoticeAt(project('ready'), 3)).toBeNull();
    expect(proxyNoticeAt(null, 3)).toBeNull();
  });

  it('plays the copy once ready, nothing before, and the file itself when it needs none', () => {
    vi.stubGlobal('window', {}); // the page on the bridge (no Electron preload)
    expect(previewVideoUrl(project('making'), 'p1', 'b')).toBeNull();
    expect(previewVideoUrl(project('failed'), 'p1', 'b')).toBeNull();
    expect(previewVideoUrl(project('ready'), 'p1', 'b')).toMatch(/^\/media\/p1\/preview\/b\?t=/);
    expect(previewVideoUrl(project('ready'), 'p1', 'a')).toMatch(/^\/media\/p1\/a\?t=/);
    vi.unstubAllGlobals();
  });
});
