/**
 * App-level state outside React (zustand): where the user is, the UI language, the project list, the
 * open project, the connection to the core, and toasts. Components select small slices of it.
 * The document being edited has its own store (the editor's), not this one.
 */
import { create } from 'zustand';
import type { ProjectSummary } from '../../../src-main/ipc/contract/index.js';
import { CallError, invoke, on, onConnectionChange } from '../ipc/client.js';
import type { UiLanguage } from '../i18n/strings.js';

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
  openProject(id: string): void;
  toast(kind: Toast['kind'], text: string): void;
  dismissToast(id: number): void;
}

let nextToastId = 1;

/** The message to show for anything a call threw. */
export function errorText(error: unknown): string {
  if (error instanceof CallError) return error.message;
  return error instanceof Error ? error.message : String(error);
}

export const useAppStore = create<AppState>()((set, get) => ({
  route: 'projects',
  language: navigator.language.toLowerCase().startsWith('es') ? 'es' : 'en',
  projects: null,
  currentProjectId: null,
  connected: true,
  toasts: [],
  navigate: (route) => set({ route }),
  async setLanguage(language) {
    set({ language });
    document.documentElement.lang = language;
    try {
      await invoke('settings.set', { uiLanguage: language });
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
  openProject: (id) => set({ currentProjectId: id, route: 'storyboard' }),
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
  onConnectionChange((connected) => {
    useAppStore.setState({ connected });
    if (connected) void useAppStore.getState().refreshProjects();
  });
  on('project.changed', () => void useAppStore.getState().refreshProjects());
  on('settings.changed', (settings) => {
    useAppStore.setState({ language: settings.uiLanguage });
    document.documentElement.lang = settings.uiLanguage;
  });
  void invoke('settings.get', {})
    .then((settings) => {
      useAppStore.setState({ language: settings.uiLanguage });
      document.documentElement.lang = settings.uiLanguage;
    })
    .catch((error: unknown) => store.toast('error', errorText(error)));
  void store.refreshProjects();
}
