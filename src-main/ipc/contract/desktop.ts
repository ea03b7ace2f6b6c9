/**
 * What only a desktop can do: native open/save dialogs, "show in folder", and the application menu.
 * The Electron shell implements the calls natively (Core.desktop); the loopback bridge and the CLI
 * answer `native: false` / `shown: false` so the renderer falls back to a typed path.
 */
import { z } from 'zod';
import { call } from './define.js';

export const MENU_ACTIONS = ['new', 'open', 'save', 'export', 'show-in-folder', 'undo', 'redo', 'settings', 'about', 'open-project'] as const;
export const MenuActionSchema = z.enum(MENU_ACTIONS);
export type MenuAction = z.infer<typeof MenuActionSchema>;

export const PickPathInputSchema = z
  .object({
    /** open-project: a project folder; open-file: one file; save-file: a destination; pick-folder: any folder. */
    kind: z.enum(['open-project', 'open-file', 'save-file', 'pick-folder']),
    title: z.string().max(200).optional(),
    defaultPath: z.string().max(4096).optional(),
    filters: z
      .array(z.object({ name: z.string().max(100), extensions: z.array(z.string().regex(/^[A-Za-z0-9*]{1,10}$/)).max(20) }))
      .max(10)
      .optional(),
  })
  .strict();
export type PickPathInput = z.infer<typeof PickPathInputSchema>;

export const desktopCalls = {
  'os.pickPath': call(
    PickPathInputSchema,
    z.object({ path: z.string().nullable(), native: z.boolean() }),
    'Native open/save dialog (desktop); path null = cancelled. native false = no dialog here, ask for a path.',
  ),
  'os.showInFolder': call(
    z.object({ path: z.string().min(1).max(4096) }).strict(),
    z.object({ shown: z.boolean(), path: z.string() }),
    'Reveal a file or folder in the system file manager (desktop); elsewhere answers shown: false with the path.',
  ),
} as const;

export const desktopEvents = {
  /** An application-menu command (or a project opened from the OS) for the renderer to carry out. */
  'app.menu': z.object({ action: MenuActionSchema, projectId: z.string().optional() }),
} as const;
