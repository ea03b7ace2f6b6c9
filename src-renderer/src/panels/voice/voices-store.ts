/** Installed voices (Piper and system) and, with a key, the ElevenLabs voices; fresh on voices.changed. */
import { create } from 'zustand';
import type { VoiceInfoDto } from '../../../../src-main/ipc/contract/narration.js';
import { invoke, on } from '../../ipc/client.js';
import { errorText } from '../../state/app-store.js';

export interface VoiceOption {
  id: string;
  engine: 'piper' | 'system' | 'elevenlabs';
  name: string;
  language: string;
}

interface VoicesState {
  voices: VoiceInfoDto[] | null;
  elevenlabs: VoiceOption[] | null;
  elevenlabsError: string | null;
  error: string | null;
  refresh(): Promise<void>;
  loadElevenlabs(): Promise<void>;
}

let watching = false;

export const useVoicesStore = create<VoicesState>()((set) => ({
  voices: null,
  elevenlabs: null,
  elevenlabsError: null,
  error: null,
  async refresh() {
    if (!watching) {
      watching = true;
      on('voices.changed', () => void useVoicesStore.getState().refresh());
    }
    try {
      set({ voices: (await invoke('voices.list', {})).voices, error: null });
    } catch (e) {
      set({ error: errorText(e) });
    }
  },
  async loadElevenlabs() {
    try {
      const status = await invoke('secrets.status', {});
      if (!status.elevenlabs) return set({ elevenlabs: null, elevenlabsError: null });
      const { voices } = await invoke('voices.elevenlabs', {});
      set({ elevenlabs: voices.map((v) => ({ id: v.id, engine: 'elevenlabs' as const, name: v.name, language: 'multi' })), elevenlabsError: null });
    } catch (e) {
      set({ elevenlabs: [], elevenlabsError: errorText(e) });
    }
  },
}));

/** The voices one engine offers, those of `language` first. */
export function voicesFor(engine: VoiceOption['engine'], language: string, installed: readonly VoiceInfoDto[], elevenlabs: readonly VoiceOption[] | null): VoiceOption[] {
  const list: VoiceOption[] = engine === 'elevenlabs' ? [...(elevenlabs ?? [])] : installed.filter((v) => v.engine === engine);
  const rank = (v: VoiceOption) => (v.language.toLowerCase().startsWith(language) ? 0 : 1);
  return [...list].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
}
