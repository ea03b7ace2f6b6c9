/**
 * Window size and position, remembered in electron-store. Restoring is a pure function: a saved
 * position that no longer lies on any display (a monitor was unplugged) falls back to centred.
 */
import type { KeyValueStore } from './keychain.js';

export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Partial<Bounds>;
  maximized: boolean;
}

const KEY = 'window.main';
const MIN = { width: 960, height: 600 };
const DEFAULT = { width: 1400, height: 900 };

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function overlaps(a: Bounds, b: Bounds, margin = 48): boolean {
  return a.x + margin < b.x + b.width && b.x + margin < a.x + a.width && a.y + margin < b.y + b.height && b.y < a.y + a.height - margin / 2;
}

/** What to open the window with, given what was saved and the displays' work areas now. */
export function restoreWindowState(saved: unknown, workAreas: Bounds[]): WindowState {
  const raw = (saved && typeof saved === 'object' ? saved : {}) as { bounds?: Partial<Record<keyof Bounds, unknown>>; maximized?: unknown };
  const b = raw.bounds ?? {};
  const biggest = workAreas.reduce<Bounds | null>((best, area) => (!best || area.width * area.height > best.width * best.height ? area : best), null);
  const clampTo = biggest ?? { x: 0, y: 0, width: DEFAULT.width, height: DEFAULT.height };
  const width = Math.min(Math.max(isNumber(b.width) ? Math.round(b.width) : DEFAULT.width, MIN.width), Math.max(clampTo.width, MIN.width));
  const height = Math.min(Math.max(isNumber(b.height) ? Math.round(b.height) : DEFAULT.height, MIN.height), Math.max(clampTo.height, MIN.height));
  const maximized = raw.maximized === true;
  if (isNumber(b.x) && isNumber(b.y)) {
    const candidate = { x: Math.round(b.x), y: Math.round(b.y), width, height };
    if (workAreas.some((area) => overlaps(candidate, area))) return { bounds: candidate, maximized };
  }
  return { bounds: { width, height }, maximized };
}

export function loadWindowState(store: KeyValueStore, workAreas: Bounds[]): WindowState {
  return restoreWindowState(store.get(KEY), workAreas);
}

export function saveWindowState(store: KeyValueStore, state: { bounds: Bounds; maximized: boolean }): void {
  store.set(KEY, { bounds: state.bounds, maximized: state.maximized });
}
