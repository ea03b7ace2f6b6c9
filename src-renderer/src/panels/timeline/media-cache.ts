/**
 * Media the timeline and preview draw: decoded images by URL and waveform peaks by asset, each
 * fetched once per session and shared (the core caches peaks on disk too).
 */
import { useEffect, useState } from 'react';
import { invoke, mediaUrl } from '../../ipc/client.js';

const images = new Map<string, Promise<HTMLImageElement>>();

export function loadImage(url: string): Promise<HTMLImageElement> {
  let pending = images.get(url);
  if (!pending) {
    pending = new Promise((resolve, reject) => {
      const img = new Image();
      img.decoding = 'async';
      img.onload = () => resolve(img);
      img.onerror = () => reject(new Error(`Could not load ${url}`));
      img.src = url;
    });
    pending.catch(() => images.delete(url));
    images.set(url, pending);
  }
  return pending;
}

/** The decoded image of a project asset, or null while loading / when it cannot be loaded. */
export function useAssetImage(projectId: string | null, assetId: string | null): HTMLImageElement | null {
  const [image, setImage] = useState<HTMLImageElement | null>(null);
  useEffect(() => {
    if (!projectId || !assetId) return setImage(null);
    let live = true;
    loadImage(mediaUrl(projectId, assetId)).then(
      (img) => live && setImage(img),
      () => live && setImage(null),
    );
    return () => {
      live = false;
    };
  }, [projectId, assetId]);
  return image;
}

const thumbnails = new Map<string, Promise<HTMLCanvasElement>>();

/**
 * A project picture scaled once to `height` CSS pixels (at the screen's pixel ratio, at most 2), for
 * the timeline's tiles: a track redrawn while a clip is dragged blits ~200 small canvases instead of
 * scaling ~200 full-size pictures (a 1080x1920 image is 2 MP per tile per frame).
 */
export function useThumbnail(projectId: string | null, assetId: string | null, height: number): HTMLCanvasElement | null {
  const [thumb, setThumb] = useState<HTMLCanvasElement | null>(null);
  useEffect(() => {
    if (!projectId || !assetId) return setThumb(null);
    const url = mediaUrl(projectId, assetId);
    const ratio = Math.min(2, Math.max(1, window.devicePixelRatio || 1));
    const key = `${url}@${height}x${ratio}`;
    let pending = thumbnails.get(key);
    if (!pending) {
      pending = loadImage(url).then((img) => {
        const canvas = document.createElement('canvas');
        canvas.height = Math.max(1, Math.round(height * ratio));
        canvas.width = Math.max(1, Math.round((img.naturalWidth / img.naturalHeight) * canvas.height));
        canvas.getContext('2d')?.drawImage(img, 0, 0, canvas.width, canvas.height);
        return canvas;
      });
      pending.catch(() => thumbnails.delete(key));
      thumbnails.set(key, pending);
    }
    let live = true;
    pending.then(
      (canvas) => live && setThumb(canvas),
      () => live && setThumb(null),
    );
    return () => {
      live = false;
    };
  }, [projectId, assetId, height]);
  return thumb;
}

export interface Peaks {
  perSecond: number;
  peaks: number[];
}
const peaks = new Map<string, Promise<Peaks>>();

export function usePeaks(projectId: string | null, assetId: string): Peaks | null {
  const [value, setValue] = useState<Peaks | null>(null);
  useEffect(() => {
    if (!projectId) return;
    const key = `${projectId}/${assetId}`;
    let pending = peaks.get(key);
    if (!pending) {
      pending = invoke('waveform.peaks', { projectId, assetId });
      pending.catch(() => peaks.delete(key));
      peaks.set(key, pending);
    }
    let live = true;
    pending.then(
      (p) => live && setValue(p),
      () => live && setValue(null),
    );
    return () => {
      live = false;
    };
  }, [projectId, assetId]);
  return value;
}

export interface Strip {
  image: HTMLImageElement;
  frames: number;
  times: number[];
  frameWidth: number;
  frameHeight: number;
}
const strips = new Map<string, Promise<Strip>>();

/** A video asset's filmstrip (media.strip, made once by the core), decoded, or null while loading. */
export function useStrip(projectId: string | null, assetId: string | null): Strip | null {
  const [value, setValue] = useState<Strip | null>(null);
  useEffect(() => {
    if (!projectId || !assetId) return setValue(null);
    const key = `${projectId}/${assetId}`;
    let pending = strips.get(key);
    if (!pending) {
      pending = invoke('media.strip', { projectId, assetId }).then(async (s) => ({ ...s, image: await loadImage(s.dataUrl) }));
      pending.catch(() => strips.delete(key));
      strips.set(key, pending);
    }
    let live = true;
    pending.then(
      (s) => live && setValue(s),
      () => live && setValue(null),
    );
    return () => {
      live = false;
    };
  }, [projectId, assetId]);
  return value;
}
