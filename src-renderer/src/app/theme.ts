/** Applies the theme setting (dark / light / follow the system) to <html data-theme>. */
import { invoke, on } from '../ipc/client.js';
import './theme.css';

type Theme = 'dark' | 'light' | 'system';

export function resolveTheme(theme: Theme, systemPrefersLight: boolean): 'dark' | 'light' {
  return theme === 'system' ? (systemPrefersLight ? 'light' : 'dark') : theme;
}

export function startTheme(): () => void {
  let current: Theme = 'dark';
  const media = window.matchMedia('(prefers-color-scheme: light)');
  const apply = () => {
    document.documentElement.dataset.theme = resolveTheme(current, media.matches);
  };
  const onMedia = () => apply();
  media.addEventListener('change', onMedia);
  invoke('settings.get', {})
    .then((s) => {
      current = s.theme;
      apply();
    })
    .catch(() => apply());
  const off = on('settings.changed', (s) => {
    current = s.theme;
    apply();
  });
  return () => {
    media.removeEventListener('change', onMedia);
    off();
  };
}
