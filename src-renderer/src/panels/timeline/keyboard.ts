/** The timeline's keys (bound while the panel is shown; text fields keep their own keys). */
import { documentStore, isForDialog } from '../../state/document/index.js';
import { deleteSelected, nudgeSelected, selectAll, splitAtPlayhead } from '../../timeline/commands.js';
import { useTimeline } from '../../timeline/timeline-store.js';

const isTextField = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || target.getAttribute('role') === 'slider');

export function bindTimelineKeys(width: () => number): () => void {
  const onKey = (e: KeyboardEvent) => {
    if (isTextField(e.target) || isForDialog(e) || e.altKey) return;
    const tl = useTimeline.getState();
    const mod = e.ctrlKey || e.metaKey;
    const key = e.key.toLowerCase();
    if (mod && key === 's') {
      void documentStore.getState().saveNow();
    } else if (mod && key === 'b') splitAtPlayhead();
    else if (mod && key === 'a') selectAll();
    else if (mod) {
      return;
    } else if (key === 's') splitAtPlayhead();
    else if (e.key === 'Delete' || e.key === 'Backspace') deleteSelected(e.shiftKey || !tl.ripple);
    else if (key === 'n') tl.toggleSnapping();
    else if (key === 'j') tl.shuttle(-1);
    else if (key === 'k') tl.shuttle(0);
    else if (key === 'l') tl.shuttle(1);
    else if (key === 'z' && e.shiftKey) tl.zoomToFit();
    else if (e.key === 'End') tl.setPlayhead(tl.length);
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
      const step = (e.shiftKey ? 1 : 0.1) * (e.key === 'ArrowLeft' ? -1 : 1);
      if (tl.selected.size > 0) nudgeSelected(step);
      else tl.setPlayhead(tl.playhead + step);
    } else if (e.key === '+' || e.key === '=') tl.zoomBy(1.25, width() / 2);
    else if (e.key === '-' || e.key === '_') tl.zoomBy(1 / 1.25, width() / 2);
    else if (e.key === ' ') tl.setPlaying(!tl.playing);
    else if (e.key === 'Escape') tl.select(null);
    else if (e.key === 'Home') tl.setPlayhead(0);
    else return;
    e.preventDefault();
  };
  window.addEventListener('keydown', onKey);
  return () => window.removeEventListener('keydown', onKey);
}
