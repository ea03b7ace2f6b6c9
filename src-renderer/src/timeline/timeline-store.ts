/**
 * The timeline's UI state (not the document): selection, playhead, zoom/scroll, playing, safe zone.
 * Separate from the document store so scrubbing never touches the document or its history.
 */
import { create } from 'zustand';
import { DEFAULT_ZOOM, zoomAround, type View } from './geometry.js';

export type SafeZone = 'none' | 'shorts' | 'tiktok' | 'reels';

interface TimelineState extends View {
  selected: ReadonlySet<string>;
  playhead: number;
  playing: boolean;
  safeZone: SafeZone;
  /** A message about the last refused timeline edit, shown in place. */
  notice: string | null;
  /** Where the dragged edge snapped (drawn as a guide line while dragging), or null. */
  snapAt: number | null;
  /** The "Export to MP4" dialog is open (the app menu's Export can open it: setExportOpen(true)). */
  exportOpen: boolean;
  setExportOpen(open: boolean): void;
  select(id: string | null, additive?: boolean): void;
  setSelection(ids: Iterable<string>): void;
  setPlayhead(t: number): void;
  setPlaying(playing: boolean): void;
  setView(view: Partial<View>): void;
  zoomBy(factor: number, anchorX: number): void;
  setSafeZone(zone: SafeZone): void;
  setNotice(notice: string | null): void;
}

export const useTimeline = create<TimelineState>()((set, get) => ({
  zoom: DEFAULT_ZOOM,
  scroll: 0,
  selected: new Set(),
  playhead: 0,
  playing: false,
  safeZone: 'none',
  notice: null,
  snapAt: null,
  exportOpen: false,
  setExportOpen: (exportOpen) => set({ exportOpen }),
  select(id, additive = false) {
    if (id === null) return set({ selected: new Set() });
    const next = new Set(additive ? get().selected : []);
    if (additive && next.has(id)) next.delete(id);
    else next.add(id);
    set({ selected: next });
  },
  setSelection: (ids) => set({ selected: new Set(ids) }),
  setPlayhead: (t) => set({ playhead: Math.max(0, t) }),
  setPlaying: (playing) => set({ playing }),
  setView: (view) => set({ ...view, ...(view.scroll !== undefined ? { scroll: Math.max(0, view.scroll) } : {}) }),
  zoomBy: (factor, anchorX) => set(zoomAround(get(), factor, anchorX)),
  setSafeZone: (safeZone) => set({ safeZone }),
  setNotice: (notice) => set({ notice }),
}));

declare global {
  interface Window {
    /** The timeline UI store, for the e2e test and debugging. */
    whatifTimeline?: typeof useTimeline;
  }
}
if (typeof window !== 'undefined') window.whatifTimeline = useTimeline;
