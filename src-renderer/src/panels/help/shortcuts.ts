/** The keyboard shortcuts the help sheet lists (and the one place their keys are written down). */
import type { StringKey } from '../../i18n/strings.js';

export interface Shortcut {
  keys: string[];
  what: StringKey;
  /** The keys are alternatives (either one), not a combination. */
  either?: boolean;
}

export const SHORTCUT_GROUPS: { title: StringKey; items: Shortcut[] }[] = [
  {
    title: 'help.general',
    items: [
      { keys: ['?'], what: 'help.showHelp' },
      { keys: ['Esc'], what: 'help.close' },
      { keys: ['Ctrl/⌘', 'Z'], what: 'help.undo' },
      { keys: ['Shift', 'Ctrl/⌘', 'Z'], what: 'help.redo' },
      { keys: ['Ctrl/⌘', 'S'], what: 'help.save' },
    ],
  },
  {
    title: 'help.timeline',
    items: [
      { keys: ['Space'], what: 'help.play' },
      { keys: ['J', 'K', 'L'], what: 'help.shuttle', either: true },
      { keys: ['S'], what: 'help.split' },
      { keys: ['Ctrl/⌘', 'B'], what: 'help.splitB' },
      { keys: ['Delete'], what: 'help.delete' },
      { keys: ['Shift', 'Delete'], what: 'help.lift' },
      { keys: ['Ctrl/⌘', 'A'], what: 'help.selectAll' },
      { keys: ['N'], what: 'help.snapping' },
      { keys: ['Shift', 'Z'], what: 'help.fit' },
      { keys: ['←', '→'], what: 'help.nudge', either: true },
      { keys: ['Shift', 'Click'], what: 'help.multi' },
      { keys: ['+', '−'], what: 'help.zoom', either: true },
      { keys: ['Ctrl/⌘', 'Wheel'], what: 'help.zoomWheel' },
    ],
  },
];

/** True when a key press is typing into a field (shortcuts must not fire then). */
export function isTyping(target: EventTarget | null): boolean {
  if (!target || typeof (target as HTMLElement).tagName !== 'string') return false;
  const el = target as HTMLElement;
  const tag = el.tagName.toLowerCase();
  return tag === 'input' || tag === 'textarea' || tag === 'select' || el.isContentEditable;
}
