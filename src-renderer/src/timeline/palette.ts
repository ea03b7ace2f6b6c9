/**
 * The timeline canvas's colours in each theme (Konva draws with plain colours, not CSS variables).
 * Contrast is measured in test/renderer/contrast.test.ts (WCAG 2 formula): text ≥ 4.5:1.
 */
import { useSyncExternalStore } from 'react';

export interface TimelinePalette {
  background: string;
  row: string;
  ruler: string;
  rulerText: string;
  playhead: string;
  snap: string;
  selected: string;
  /** Clip labels are drawn in this colour on the lane colours (state/document/lanes.ts laneColor). */
  clipText: string;
}

export const TIMELINE_PALETTE: Record<'dark' | 'light', TimelinePalette> = {
  dark: { background: '#12151b', row: '#1a1e26', ruler: '#1e222b', rulerText: '#9099a8', playhead: '#ff5d5d', snap: '#ffb020', selected: '#ffb020', clipText: '#ffffff' },
  light: { background: '#eef0f4', row: '#e3e6ec', ruler: '#dde1e8', rulerText: '#454d5c', playhead: '#c92a2a', snap: '#9a5800', selected: '#9a5800', clipText: '#ffffff' },
};

const themeOf = (): 'dark' | 'light' => (typeof document !== 'undefined' && document.documentElement.dataset.theme === 'light' ? 'light' : 'dark');

function subscribe(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  return () => observer.disconnect();
}

/** The palette of the theme on <html data-theme> (re-renders when the theme changes). */
export function useTimelinePalette(): TimelinePalette {
  return TIMELINE_PALETTE[useSyncExternalStore(subscribe, themeOf, (): 'dark' | 'light' => 'dark')];
}
