/**
 * App-level state outside React (zustand): where the user is, the UI language, the project list, the
 * open project, the connection to the core, and toasts. Components select small slices of it.
 * The document being edited has its own store (the editor's), not this one.
 */
import { create } from 'zustand';
import type { ProjectSummary } from '../../../src-main/ipc/contract/index.js';
import { CallError, invoke, on, onConnectionChange } from '../ipc/client.js';
import type { UiLanguage } from '../i18n/strings.js';
import { errorWords } from '../i18n/messages.js';

export const ROUTES = ['projects', 'voice', 'storyboard', 'timeline', 'jobs', 'monitor', 'settings', 'demo'] as const;
export type Route = (typeof ROUTES)[number];

export interface Toast {
  id: number;
  kind: 'info' | 'success' | 'error';
  text: string;
}

interface AppState {
  route: Route;
  language: UiLanguage;
  projects: ProjectSummary[] | null;
  currentProjectId: string | null;
  connected: boolean;
  toasts: Toast[];
  navigate(route: Route): void;
  setLanguage(language: UiLanguage): Promise<void>;
  refreshProjects(): Promise<void>;
  /** Open a project: a new, empty one on the storyboard (where it starts), one with scenes in the editor. */
  openProject(id: string, route?: Route): void;
  toast(kind: Toast['kind'], text: string): void;
  dismissToast(id: number): void;
}

let nextToastId = 1;

/** The message to show for anything a call threw, in the UI language where the core's words are known. */
export function errorText(error: unknown): string {
  if (error instanceof CallError) {
    const language = useAppStore.getState().language;
    // The core sends every message a user sees as a key and values: worded here in the UI language.
    return errorWords(language, error);
  }
  return error instanceof Error ? error.message : String(error);
}

/** The OS/browser language as one of ours (Spanish for any es-*, else English). */
export function browserLanguage(): UiLanguage {
  const languages = typeof navigator === 'undefined' ? [] : [...(navigator.languages ?? []), navigator.language];
  const first = languages.find((l) => /^(es|en)\b/i.test(l ?? ''));
  return first?.toLowerCase().startsWith('es') ? 'es' : 'en';
}

const SESSION_KEY = 'whatif.session';
/** Where the user was (project and panel), so a reload comes back to it. */
function savedSession(): { route: Route; currentProjectId: string | null } {
  try {
    const saved = JSON.parse(globalThis.localStorage?.getItem(SESSION_KEY) ?? 'null') as { route?: string; projectId?: string | null } | null;
    const route = ROUTES.find((r) => r === saved?.route) ?? 'projects';
    return { route, currentProjectId: typeof saved?.projectId === 'string' ? saved.projectId : null };
  } catch {
    return { route: 'projects', currentProjectId: null };
  }
}

export const useAppStore = create<AppState>()((set, get) => ({
  ...savedSession(),
  language: browserLanguage(),
  projects: null,
  connected: true,
  toasts: [],
  navigate: (route) => set({ route }),
  async setLanguage(language) {
    set({ language });
    document.documentElement.lang = language;
    try {
      await invoke('settings.set', { uiLanguage: language, uiLanguageChosen: true });
    } catch (error) {
      get().toast('error', errorText(error));
    }
  },
  async refreshProjects() {
    try {
      const projects = await invoke('project.list', {});
      set((state) => ({
        projects,
        currentProjectId: projects.some((p) => p.id === state.currentProjectId) ? state.currentProjectId : null,
      }));
    } catch (error) {
      get().toast('error', errorText(error));
    }
  },
  openProject(id, route) {
    const summary = get().projects?.find((p) => p.id === id);
    set({ currentProjectId: id, route: route ?? (summary && summary.sceneCount > 0 ? 'timeline' : 'storyboard') });
  },
  toast(kind, text) {
    const id = nextToastId++;
    set((state) => ({ toasts: [...state.toasts.slice(-4), { id, kind, text }] }));
    setTimeout(() => get().dismissToast(id), kind === 'error' ? 8000 : 4000);
  },
  dismissToast: (id) => set((state) => ({ toasts: state.toasts.filter((t) => t.id !== id) })),
}));

/** Loads settings and projects, and keeps them fresh from pushed events. */
export function startAppStore(): void {
  const store = useAppStore.getState();
  useAppStore.subscribe((s, prev) => {
    if (s.route === prev.route && s.currentProjectId === prev.currentProjectId) return;
    try {
      globalThis.localStorage?.setItem(SESSION_KEY, JSON.stringify({ route: s.route, projectId: s.currentProjectId }));
    } catch {
      // Storage may be off (private mode): a reload then starts on the projects page.
    }
  });
  onConnectionChange((connected) => {
    useAppStore.setState({ connected });
    if (connected) void useAppStore.getState().refreshProjects();
  });
  on('project.changed', () => void useAppStore.getState().refreshProjects());
  on('settings.changed', (settings) => {
    if (!settings.uiLanguageChosen) return;
    useAppStore.setState({ language: settings.uiLanguage });
    document.documentElement.lang = settings.uiLanguage;
  });
  void invoke('settings.get', {})
    .then((settings) => {
      // Until the user picks a language, the app speaks the OS/browser's (and tells the core, for menus and templates).
      const language = settings.uiLanguageChosen ? settings.uiLanguage : browserLanguage();
      useAppStore.setState({ language });
      document.documentElement.lang = language;
      if (language !== settings.uiLanguage) void invoke('settings.set', { uiLanguage: language }).catch(() => undefined);
    })
    .catch((error: unknown) => store.toast('error', errorText(error)));
  void store.refreshProjects();
}
