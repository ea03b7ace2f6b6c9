import type { StringKey } from '../../i18n/strings.js';
import { useT } from '../../i18n/use-t.js';
import type { Route } from '../../state/app-store.js';

/** What a panel is for, shown until its feature lands: a description, never fake controls. */
export function PanelIntro({ route }: { route: Exclude<Route, 'projects' | 'demo'> }) {
  const t = useT();
  return (
    <section className="panel" aria-labelledby="intro-heading">
      <header className="panel-header">
        <h1 id="intro-heading">{t(`nav.${route}` as StringKey)}</h1>
      </header>
      <p className="intro">{t(`intro.${route}` as StringKey)}</p>
      <p className="muted">{t('intro.pending')}</p>
    </section>
  );
}
