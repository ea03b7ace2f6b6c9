/** Whether the keyboard-shortcut sheet is open (toggled by "?" and the sidebar's help button). */
import { create } from 'zustand';

export const useHelpStore = create<{ open: boolean; toggle(): void; close(): void }>()((set) => ({
  open: false,
  toggle: () => set((s) => ({ open: !s.open })),
  close: () => set({ open: false }),
}));
