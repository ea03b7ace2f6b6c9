import { useT } from '../i18n/use-t.js';
import type { StringKey } from '../i18n/strings.js';
import { ROUTES, useAppStore } from '../state/app-store.js';
import { useHelpStore } from './help-store.js';

const ICONS: Record<(typeof ROUTES)[number], string> = {
  projects: '▦',
  voice: '◉',
  storyboard: '▤',
  timeline: '☰',
  jobs: '⟳',
  monitor: '◔',
  settings: '⚙',
  demo: '★',
};

export function Sidebar() {
  const t = useT();
  const route = useAppStore((s) => s.route);
  const navigate = useAppStore((s) => s.navigate);
  const language = useAppStore((s) => s.language);
  const setLanguage = useAppStore((s) => s.setLanguage);
  const current = useAppStore((s) => s.projects?.find((p) => p.id === s.currentProjectId) ?? null);
  return (
    <aside className="sidebar">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">?!</span>
        <span>{t('app.title')}</span>
      </div>
      {current && (
        <div className="current-project" title={current.dir}>
          {current.name}
        </div>
      )}
      <nav aria-label={t('nav.main')}>
        {ROUTES.map((name) => (
          <button
            key={name}
            type="button"
            className={name === route ? 'nav-item active' : 'nav-item'}
            aria-current={name === route ? 'page' : undefined}
            onClick={() => navigate(name)}
          >
            <span className="nav-icon" aria-hidden="true">
              {ICONS[name]}
            </span>
            {t(`nav.${name}` as StringKey)}
          </button>
        ))}
      </nav>
      <button type="button" className="nav-item help-button" onClick={() => useHelpStore.getState().toggle()} aria-keyshortcuts="?">
        <span className="nav-icon" aria-hidden="true">
          ?
        </span>
        {t('help.button')}
      </button>
      <label className="language">
        <span>{t('app.language')}</span>
        <select value={language} onChange={(event) => void setLanguage(event.target.value as 'es' | 'en')}>
          <option value="es">Español</option>
          <option value="en">English</option>
        </select>
      </label>
    </aside>
  );
}
