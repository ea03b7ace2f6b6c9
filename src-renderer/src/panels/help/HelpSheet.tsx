import { useEffect, useRef } from 'react';
import { useT } from '../../i18n/use-t.js';
import { SHORTCUT_GROUPS } from './shortcuts.js';
import './help.css';

/** The keyboard-shortcut sheet, opened with "?" or the sidebar button; Esc or the button closes it. */
export function HelpSheet({ onClose }: { onClose: () => void }) {
  const t = useT();
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    closeRef.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div className="sheet-backdrop" onClick={onClose}>
      <div className="sheet" role="dialog" aria-modal="true" aria-labelledby="help-heading" onClick={(e) => e.stopPropagation()}>
        <header className="panel-header">
          <h1 id="help-heading">{t('help.heading')}</h1>
          <button ref={closeRef} type="button" onClick={onClose}>
            {t('help.close')}
          </button>
        </header>
        <div className="help-groups">
          {SHORTCUT_GROUPS.map((group) => (
            <section key={group.title} aria-label={t(group.title)}>
              <h2>{t(group.title)}</h2>
              <dl>
                {group.items.map((item) => (
                  <div key={item.what} className="help-row">
                    <dt>
                      {item.keys.map((k, i) => (
                        <span key={k}>
                          {i > 0 && (item.either ? ' / ' : ' + ')}
                          <kbd>{k}</kbd>
                        </span>
                      ))}
                    </dt>
                    <dd>{t(item.what)}</dd>
                  </div>
                ))}
              </dl>
            </section>
          ))}
        </div>
      </div>
    </div>
  );
}
