/**
 * The timeline's UI state (not the document): selection, playhead, zoom/scroll, playing, safe zone.
 * Separate from the document store so scrubbing never touches the document or its history.
 */
import { create } from 'zustand';
import { clampScroll, DEFAULT_ZOOM, fitView, zoomAround, type View } from './geometry.js';

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
  /** Snapping to edges, the playhead and sentences (N toggles). */
  snapping: boolean;
  /** Delete closes the gap (ripple); off: Delete lifts the clip and leaves its place empty. */
  ripple: boolean;
  /** Playback speed while playing: 1, 2, 4 forward (L), -1, -2, -4 backward (J); K stops. */
  rate: number;
  /** The project's length and the canvas width: the playhead and the view stay inside them. */
  length: number;
  width: number;
  /** While a main-track clip is dragged: the order it would drop into (the others make room). */
  dropPreview: { id: string; index: number } | null;
  setExportOpen(open: boolean): void;
  setBounds(length: number, width: number): void;
  toggleSnapping(): void;
  toggleRipple(): void;
  /** J/K/L: `direction` 1 (L) speeds up forward, -1 (J) backward, 0 (K) stops. */
  shuttle(direction: -1 | 0 | 1): void;
  zoomToFit(): void;
  setDropPreview(preview: { id: string; index: number } | null): void;
  /** The inspector shows the caption style gallery instead of the selected clip. */
  captionStyleOpen: boolean;
  setCaptionStyleOpen(open: boolean): void;
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
  snapping: true,
  ripple: true,
  rate: 1,
  length: Number.POSITIVE_INFINITY,
  width: 0,
  dropPreview: null,
  setExportOpen: (exportOpen) => set({ exportOpen }),
  setBounds(length, width) {
    const s = get();
    if (s.length === length && s.width === width) return;
    set({ length, width, playhead: Math.min(s.playhead, length), scroll: clampScroll(s.scroll, s.zoom, length, width) });
  },
  toggleSnapping: () => set({ snapping: !get().snapping }),
  toggleRipple: () => set({ ripple: !get().ripple }),
  shuttle(direction) {
    const { playing, rate } = get();
    if (direction === 0) return set({ playing: false, rate: 1 });
    const same = playing && Math.sign(rate) === direction;
    const speed = same ? Math.min(4, Math.abs(rate) * 2) : 1;
    set({ playing: true, rate: direction * speed });
  },
  zoomToFit() {
    const { length, width } = get();
    set(fitView(Number.isFinite(length) ? length : 0, width));
  },
  setDropPreview: (dropPreview) => set({ dropPreview }),
  captionStyleOpen: false,
  setCaptionStyleOpen: (captionStyleOpen) => set({ captionStyleOpen }),
  select(id, additive = false) {
    if (id === null) return set({ selected: new Set() });
    const next = new Set(additive ? get().selected : []);
    if (additive && next.has(id)) next.delete(id);
    else next.add(id);
    // Picking a clip shows its inspector (the caption style gallery gives way).
    set({ selected: next, captionStyleOpen: false });
  },
  setSelection: (ids) => set({ selected: new Set(ids) }),
  setPlayhead: (t) => set({ playhead: Math.max(0, Math.min(get().length, Number.isFinite(t) ? t : 0)) }),
  setPlaying: (playing) => set(playing ? { playing } : { playing, rate: 1 }),
  setView(view) {
    const s = get();
    const zoom = view.zoom ?? s.zoom;
    set({ ...view, scroll: clampScroll(view.scroll ?? s.scroll, zoom, s.length, s.width) });
  },
  zoomBy: (factor, anchorX) => set(zoomAround(get(), factor, anchorX, get().length, get().width)),
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
